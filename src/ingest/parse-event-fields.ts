// Adds to a validated event row the fields that follow from the event alone:
// UTM tags and click id parsed from its url, landing page, referrer host, bot flag.
import type { Row } from '../model/validate.js';
import { isBotUserAgent } from './bot-detection.js';
import { parseTouchParams, referrerHost } from '../model/touch-params.js';

export function addParsedEventFields(row: Row): Row {
  const touch = parseTouchParams((row.url as string | null) ?? undefined);
  row.parsed_utm_source = touch.utm_source ?? null;
  row.parsed_utm_medium = touch.utm_medium ?? null;
  row.parsed_utm_campaign = touch.utm_campaign ?? null;
  row.parsed_utm_content = touch.utm_content ?? null;
  row.parsed_utm_term = touch.utm_term ?? null;
  row.parsed_utm_id = touch.utm_id ?? null;
  row.parsed_click_id_kind = touch.click_id_kind ?? null;
  row.parsed_landing_page = touch.landing_page ?? null;
  row.parsed_referrer_host = referrerHost((row.referrer as string | null) ?? undefined) ?? null;
  row.parsed_is_bot = isBotUserAgent(row.user_agent as string | null);
  return row;
}
