// Every `--preset` / `?preset=` name in one place: the column presets of
// ad-platform exports (presets.ts, ad_performance) and the record presets of
// other marketing tools (record-presets/), with the source each one fills.
import { ValidationError } from '../core/errors.js';
import type { SourceName } from '../model/sources.js';
import { PRESET_NAMES, isPresetName } from './presets.js';
import { RECORD_PRESET_NAMES, recordPreset } from './record-presets/registry.js';

export const IMPORT_PRESET_NAMES: readonly string[] = [...PRESET_NAMES, ...RECORD_PRESET_NAMES];

/**
 * The preset's name, checked; undefined when none is given. An unknown name is
 * refused with the known ones.
 * @example parseImportPreset('hubspot_contacts') // 'hubspot_contacts'
 */
export function parseImportPreset(name: string | undefined): string | undefined {
  if (name === undefined || name === '') return undefined;
  if (!isPresetName(name) && recordPreset(name) === undefined) {
    throw new ValidationError(`unknown preset "${name}"; known presets: ${IMPORT_PRESET_NAMES.join(', ')}`, { preset: name });
  }
  return name;
}

/** @example presetSource('ga4_bigquery') // 'events' */
export function presetSource(name: string): SourceName {
  if (isPresetName(name)) return 'ad_performance';
  const preset = recordPreset(name);
  if (preset === undefined) throw new ValidationError(`unknown preset "${name}"; known presets: ${IMPORT_PRESET_NAMES.join(', ')}`, { preset: name });
  return preset.source;
}

/**
 * Refuses a preset used for a source it does not fill.
 * @example checkPresetSource('hubspot_contacts', 'events') // throws: preset "hubspot_contacts" applies to lifecycle, not events
 */
export function checkPresetSource(name: string | undefined, source: SourceName): void {
  if (name === undefined) return;
  const fills = presetSource(name);
  if (fills !== source) throw new ValidationError(`preset "${name}" applies to ${fills}, not ${source}`, { preset: name, source: fills });
}

/** The platform an ad-platform column preset sets on its records; record presets set none. */
export function presetPlatform(name: string | undefined): string | undefined {
  return name !== undefined && isPresetName(name) ? name : undefined;
}
