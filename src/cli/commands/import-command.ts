// beacon import <source> <file…>: streams files of any source into Beacon.
import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline } from 'node:stream';
import { NotFoundError } from '../../core/errors.js';
import { parseAssumeTimezone } from '../../ingest/assume-timezone.js';
import { parseColumnMap } from '../../ingest/column-map.js';
import { emptySummary, mergeSummary, type IngestSummary } from '../../ingest/ingest-summary.js';
import { IMPORT_PRESET_NAMES, checkPresetSource, parseImportPreset, presetPlatform } from '../../ingest/import-presets.js';
import { formatFromFileName } from '../../ingest/readers/input-format.js';
import { openInputFile } from '../../ingest/readers/open-input.js';
import type { CsvHeader } from '../../ingest/readers/raw-record.js';
import { readRecords } from '../../ingest/readers/read-records.js';
import { SOURCE_NAMES, isSourceName } from '../../model/sources.js';
import { withBackend, type CliEnvironment } from '../command-context.js';
import { EXIT_REJECTED, formatSummary, printJson, printLine } from '../output.js';
import { createProgress } from '../progress.js';

interface ImportOptions {
  preset?: string;
  map?: string;
  platform?: string;
  assumeTimezone?: string;
}

export function registerImportCommand(program: Command, env: CliEnvironment): void {
  program
    .command('import')
    .description('load files (CSV, NDJSON, JSON; .gz too) of a source into the workspace')
    .argument('<source>', `one of ${SOURCE_NAMES.join(', ')}`)
    .argument('<files...>', 'files to import')
    .option('--preset <name>', `export layout of an ad platform or marketing tool: ${IMPORT_PRESET_NAMES.join(', ')}`)
    .option('--map <mapping>', 'explicit column mapping "Header=field,…"')
    .option('--platform <name>', 'platform for ad_performance rows that do not name one')
    .option('--assume-timezone <zone>', 'read date-only timestamps (2026-12-01) as midnight in this IANA zone, or UTC (and a preset\'s zone-less export times in it)')
    .action(async (source: string, files: string[], options: ImportOptions, command: Command) => {
      if (!isSourceName(source)) throw new NotFoundError(`unknown source "${source}"; known sources: ${SOURCE_NAMES.join(', ')}`);
      const preset = parseImportPreset(options.preset);
      checkPresetSource(preset, source);
      const map = options.map ? parseColumnMap(options.map) : undefined;
      const assumeTimezone = parseAssumeTimezone(options.assumeTimezone, '--assume-timezone');
      for (const file of files) formatFromFileName(file);
      await withBackend(command, env.config.importMemoryLimit, async (backend, global) => {
        const total = emptySummary();
        for (const file of files) {
          const started = performance.now();
          const size = (await stat(file)).size;
          const progress = createProgress(size, basename(file));
          const input = await openInputFile(file);
          const counted = pipeline(input, progress.counter(), () => undefined);
          let summary: IngestSummary;
          let header: CsvHeader | undefined;
          try {
            summary = await backend.importRecords({
              source,
              records: readRecords(counted, formatFromFileName(file), { preset, map, presetContext: { assumeTimezone }, onHeader: (h) => (header = h) }),
              header: () => header,
              platform: options.platform ?? presetPlatform(preset),
              assumeTimezone,
              origin: `file ${basename(file)}`,
              onProgress: (s) => progress.update(s.accepted + s.updated),
            });
          } finally {
            progress.stop();
          }
          if (!global.json) printLine(`${file}: ${formatSummary(summary, (performance.now() - started) / 1000)}`);
          mergeSummary(total, summary);
        }
        if (global.json) printJson(total);
        // A header that rejects its file is an error even when no row followed it.
        if (total.rejected > 0 || total.errors.length > 0) env.exitCode = EXIT_REJECTED;
      });
    });
}
