// The record presets by name: each maps a marketing tool's export to records
// of one source (see record-preset.ts).
import { ga4BigQuery } from './ga4-bigquery.js';
import { hubspotContacts } from './hubspot-contacts.js';
import { mailchimpActivity } from './mailchimp-activity.js';
import type { RecordPreset } from './record-preset.js';
import { cesSurvey, csatSurvey, npsSurvey } from './survey-export.js';

export const RECORD_PRESETS: readonly RecordPreset[] = [ga4BigQuery, hubspotContacts, mailchimpActivity, npsSurvey, csatSurvey, cesSurvey];

export const RECORD_PRESET_NAMES: readonly string[] = RECORD_PRESETS.map((p) => p.name);

/** @example recordPreset('ga4_bigquery')?.source // 'events' */
export function recordPreset(name: string): RecordPreset | undefined {
  return RECORD_PRESETS.find((p) => p.name === name);
}
