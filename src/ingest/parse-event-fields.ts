// Adds to a validated event row the fields that follow from the event alone:
// UTM tags and click id parsed from its url, landing page, referrer host, bot flag.
import type { Row } from '../model/validate.js';
import { isBotUserAgent } from './bot-detection.js';
import { parseTouchParams, referrerHost, type TouchParams } from '../model/touch-params.js';

export function addParsedEventFields(row: Row): Row {
  const touch = touchParamsOf(row.url);
  row.parsed_utm_source = touch.utm_source ?? null;
  row.parsed_utm_medium = touch.utm_medium ?? null;
  row.parsed_utm_campaign = touch.utm_campaign ?? null;
  row.parsed_utm_content = touch.utm_content ?? null;
  row.parsed_utm_term = touch.utm_term ?? null;
  row.parsed_utm_id = touch.utm_id ?? null;
  row.parsed_click_id_kind = touch.click_id_kind ?? null;
  row.parsed_landing_page = touch.landing_page ?? null;
  row.parsed_referrer_host = referrerHostOf(row.referrer);
  row.parsed_is_bot = isBotUserAgent(row.user_agent as string | null);
  return row;
}

// The same page and referrer addresses come back event after event: remember
// what they parse to (each cache starts over when full, so memory stays
// bounded whatever clients send). Cached results are shared, never changed.
const MAX_CACHED = 10_000;
const NO_PARAMS: TouchParams = Object.freeze({});
const touchCache = new Map<string, TouchParams>();
const hostCache = new Map<string, string | null>();

function touchParamsOf(url: Row[string]): TouchParams {
  if (typeof url !== 'string') return NO_PARAMS;
  let touch = touchCache.get(url);
  if (touch === undefined) {
    touch = parseTouchParams(url);
    if (touchCache.size >= MAX_CACHED) touchCache.clear();
    touchCache.set(url, touch);
  }
  return touch;
}

function referrerHostOf(referrer: Row[string]): string | null {
  if (typeof referrer !== 'string') return null;
  let host = hostCache.get(referrer);
  if (host === undefined) {
    host = referrerHost(referrer) ?? null;
    if (hostCache.size >= MAX_CACHED) hostCache.clear();
    hostCache.set(referrer, host);
  }
  return host;
}
