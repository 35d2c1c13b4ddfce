// POST /v1/events and POST /v1/import/{source}: parse → check access → ingest → respond.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { parseAssumeTimezone } from '../../ingest/assume-timezone.js';
import { recordsFromBody, type BodyOptions } from '../../ingest/body-records.js';
import { parseColumnMap } from '../../ingest/column-map.js';
import { ingestRecords, type IngestTarget } from '../../ingest/ingest-records.js';
import { addWrite, type IngestSummary } from '../../ingest/ingest-summary.js';
import type { EventBodyJob } from '../../ingest/prepare-event-body.js';
import { checkPresetSource, parseImportPreset } from '../../ingest/import-presets.js';
import { SOURCE_NAMES, isSourceName, type SourceName } from '../../model/sources.js';
import { authorize } from '../auth.js';
import type { ServerContext } from '../context.js';

interface ImportQuery {
  preset?: string;
  map?: string;
  platform?: string;
  assume_timezone?: string;
}

export function registerIngestRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post('/v1/events', async (request) => {
    const caller = await authorize(context, request, 'ingest');
    return ingestBody(context, request, caller.workspace.name, 'events', {});
  });

  app.post<{ Params: { source: string }; Querystring: ImportQuery }>('/v1/import/:source', async (request) => {
    const caller = await authorize(context, request, 'ingest');
    const { source } = request.params;
    if (!isSourceName(source)) {
      throw new NotFoundError(`unknown source "${source}"; known sources: ${SOURCE_NAMES.join(', ')}`, {
        sources: SOURCE_NAMES,
      });
    }
    return ingestBody(context, request, caller.workspace.name, source, request.query);
  });
}

async function ingestBody(
  context: ServerContext,
  request: FastifyRequest,
  workspace: string,
  source: SourceName,
  query: ImportQuery,
): Promise<IngestSummary> {
  const preset = parseImportPreset(query.preset);
  checkPresetSource(preset, source);
  const assumeTimezone = parseAssumeTimezone(query.assume_timezone, 'assume_timezone');
  const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  if (body.length === 0) throw new ValidationError('empty body: send a JSON array, NDJSON or CSV');
  const options: BodyOptions = {
    contentType: request.headers['content-type'],
    contentEncoding: request.headers['content-encoding'] as string | undefined,
    preset,
    assumeTimezone,
    map: query.map ? parseColumnMap(query.map) : undefined,
    accept: source === 'events' && request.url.startsWith('/v1/events') ? ['json', 'ndjson'] : ['json', 'ndjson', 'csv'],
    maxInflatedBytes: context.limits.bodyLimitBytes * 10,
    maxRecords: context.limits.maxBatchRecords,
  };
  if (source === 'events') return ingestEvents(context, request, workspace, { ...options, body, assumeTimezone });
  const importId = newId('imp');
  const note = importNote(request);
  // One transaction for the whole body, the import's record included: acknowledged means durable, all of it.
  const summary = await ingestTableBody({ warehouse: context.warehouse, workspace, source, importId, platform: query.platform, note, assumeTimezone }, body, options);
  return recordIngest(context, workspace, source, importId, note, summary);
}

/**
 * Ingests a body of events as POST /v1/events does: prepared by the workers,
 * committed in one transaction with its import record, then the derived view,
 * alerts and metrics told. `locate` may restate the prepared summary (its
 * errors' positions, rejections found before) ahead of the write.
 */
export async function ingestEvents(
  context: ServerContext,
  request: FastifyRequest,
  workspace: string,
  job: EventBodyJob,
  locate?: (prepared: IngestSummary) => IngestSummary,
): Promise<IngestSummary> {
  const importId = newId('imp');
  const note = importNote(request);
  const summary = await ingestEventBody(context, workspace, importId, note, job, locate);
  return recordIngest(context, workspace, 'events', importId, note, summary);
}

function importNote(request: FastifyRequest): { origin: string; startedAt: string } {
  return { origin: `http ${request.method} ${request.url.split('?')[0]}`, startedAt: new Date().toISOString() };
}

async function recordIngest(
  context: ServerContext,
  workspace: string,
  source: SourceName,
  importId: string,
  note: { origin: string; startedAt: string },
  summary: IngestSummary,
): Promise<IngestSummary> {
  if (summary.accepted + summary.updated > 0) {
    context.scheduler.markDirty(workspace);
    context.alerts.ingested(workspace, source);
  } else if (summary.rejected + summary.duplicates > 0) {
    // Nothing stored, so no write recorded the import; a body refused in full, or sent again, is still one to see in /v1/imports.
    const { accepted, updated, duplicates, rejected } = summary;
    await context.warehouse.saveImport({ id: importId, workspace, source, origin: note.origin, startedAt: note.startedAt, accepted, updated, duplicates, rejected });
  }
  context.metrics.ingested(source, summary);
  return summary;
}

/** Other sources: read whole, validated after the CSV header was checked, written in one batch. */
async function ingestTableBody(target: IngestTarget, body: Buffer, options: BodyOptions): Promise<IngestSummary> {
  const { records, header } = await recordsFromBody(body, options);
  return ingestRecords({ ...target, optionStyle: 'http' }, records, { batchSize: Number.POSITIVE_INFINITY, header: () => header });
}

/** Events, the bulk of all traffic: prepared by a worker thread, then committed by the warehouse. */
async function ingestEventBody(
  context: ServerContext,
  workspace: string,
  importId: string,
  note: { origin: string; startedAt: string },
  job: EventBodyJob,
  locate: (prepared: IngestSummary) => IngestSummary = (prepared) => prepared,
): Promise<IngestSummary> {
  const prepared = await context.eventBodies.prepare(job);
  const { staged } = prepared;
  const summary = locate(prepared.summary);
  if (staged) addWrite(summary, await context.warehouse.writeStagedEvents(workspace, staged, importId, { ...note, rejected: summary.rejected }));
  return summary;
}
