import { describe, expect, it } from 'vitest';
import { IMPORT_PRESET_NAMES, checkPresetSource, parseImportPreset, presetPlatform, presetSource } from './import-presets.js';

describe('import presets', () => {
  it('knows column and record presets with the source each fills', () => {
    expect(IMPORT_PRESET_NAMES).toEqual(['google_ads', 'meta_ads', 'linkedin_ads', 'tiktok_ads', 'ga4_bigquery', 'hubspot_contacts', 'mailchimp_activity', 'nps_survey', 'csat_survey', 'ces_survey']);
    expect(presetSource('tiktok_ads')).toBe('ad_performance');
    expect(presetSource('ga4_bigquery')).toBe('events');
    expect(presetSource('hubspot_contacts')).toBe('lifecycle');
    expect(presetSource('mailchimp_activity')).toBe('events');
    expect(presetSource('csat_survey')).toBe('surveys');
  });

  it('refuses an unknown name and a preset used for another source', () => {
    expect(parseImportPreset(undefined)).toBeUndefined();
    expect(parseImportPreset('')).toBeUndefined();
    expect(() => parseImportPreset('hubspot')).toThrow('unknown preset "hubspot"; known presets: google_ads, meta_ads');
    expect(() => checkPresetSource('hubspot_contacts', 'events')).toThrow('preset "hubspot_contacts" applies to lifecycle, not events');
    expect(() => checkPresetSource('meta_ads', 'orders')).toThrow('preset "meta_ads" applies to ad_performance, not orders');
    expect(() => checkPresetSource('nps_survey', 'surveys')).not.toThrow();
  });

  it('sets a platform for column presets only', () => {
    expect(presetPlatform('tiktok_ads')).toBe('tiktok_ads');
    expect(presetPlatform('ga4_bigquery')).toBeUndefined();
  });
});
