// nps_survey, csat_survey, ces_survey: a survey tool's response export (CSV;
// Typeform, Delighted, Zigpoll and the like) → surveys, one record per answered
// row. The kind is the preset's, never guessed from the scores.
// A "… (UTC)" time header (Typeform's "Submit Date (UTC)") is read in UTC;
// other zone-less times need --assume-timezone.
import { ExportRow } from './export-row.js';
import { ACCEPTED_DATE_TIMES, readExportDateTime } from './export-dates.js';
import type { RecordPreset, RecordPresetContext, RecordPresetResult } from './record-preset.js';
import { stableId } from './stable-id.js';

type SurveyKind = 'nps' | 'csat' | 'ces';

const RESPONSE_ID = ['Response ID', 'Response Id', 'response_id', '#', 'Token', 'ID'];
const TIME = ['Submitted At', 'Submit Date (UTC)', 'Submit Date', 'Response Timestamp', 'Responded At', 'Created At', 'Date', 'Timestamp'];
const CUSTOMER = ['Customer ID', 'customer_id', 'User ID', 'External ID', 'Email', 'Email Address'];
const RESPONDENT = ['Respondent ID', 'Person ID', 'Network ID', 'Anonymous ID'];
const CAMPAIGN = ['utm_campaign', 'Campaign ID', 'Campaign'];
const COMMENT = ['Comment', 'Comments', 'Feedback', 'Reason', 'Text'];

const SCORE: Readonly<Record<SurveyKind, readonly string[]>> = {
  nps: ['Score', 'NPS', 'NPS Score', 'Net Promoter Score', 'Rating'],
  csat: ['Score', 'Rating', 'CSAT', 'CSAT Score', 'Customer Satisfaction Score', 'Satisfaction'],
  ces: ['Score', 'Rating', 'CES', 'CES Score', 'Customer Effort Score', 'Effort'],
};

const RANGE: Readonly<Record<SurveyKind, string>> = { nps: '0–10', csat: '1–5', ces: '1–7' };

function surveyPreset(kind: SurveyKind): RecordPreset {
  const score = SCORE[kind];
  return {
    name: `${kind}_survey`,
    source: 'surveys',
    formats: ['csv'],
    headers: [...RESPONSE_ID.filter((h) => h !== '#' && h !== 'ID'), ...TIME, ...CUSTOMER, ...RESPONDENT, ...CAMPAIGN, ...COMMENT, ...score],
    doc: {
      reads: `A survey tool's ${kind.toUpperCase()} response export (CSV; Typeform, Delighted, Zigpoll and the like); every record gets \`kind\` \`${kind}\`.`,
      mapping: [
        `${score.map((h) => `\`${h}\``).join(' / ')} → \`score\` (${RANGE[kind]}); a question-text header is renamed with --map "How likely…=Score"; a row without a score is refused`,
        `${TIME.map((h) => `\`${h}\``).join(' / ')} → \`timestamp\` (${ACCEPTED_DATE_TIMES}; a "(UTC)" header is UTC, else zone-less times need --assume-timezone)`,
        '`Response ID` / `#` (Typeform) / `Token` / `ID` → `response_id`; without one, `response_id` is a hash of kind, respondent, time and score',
        '`Customer ID` / `User ID` / `External ID` / `Email` → `customer_id`; `Respondent ID` / `Person ID` / `Network ID` → `anonymous_id`',
        '`utm_campaign` / `Campaign ID` / `Campaign` → `campaign_id`; `Comment` / `Feedback` / `Reason` → `comment`',
      ],
    },
    map: (raw, context) => mapResponse(kind, raw, context),
  };
}

export const npsSurvey = surveyPreset('nps');
export const csatSurvey = surveyPreset('csat');
export const cesSurvey = surveyPreset('ces');

function mapResponse(kind: SurveyKind, raw: Readonly<Record<string, unknown>>, context: RecordPresetContext): RecordPresetResult {
  const row = new ExportRow(raw);
  const score = row.find(SCORE[kind]);
  if (score === undefined) return { error: `no score: expected a ${SCORE[kind].map((h) => `"${h}"`).join(' or ')} column with a value` };
  const time = row.find(TIME);
  if (time === undefined) return { error: `no time: expected a ${TIME.slice(0, 3).map((h) => `"${h}"`).join(' or ')} column with a value` };
  const zone = /\(utc\)\s*$/i.test(time.header) ? 'UTC' : context.assumeTimezone;
  const read = readExportDateTime(time.value, time.header, zone);
  if ('error' in read) return read;
  const customer = row.get(CUSTOMER);
  const respondent = row.get(RESPONDENT);
  // "4.0" is 4; anything else is left for validation to refuse with the range.
  const value = /^\d+(?:\.0+)?$/.test(score.value) ? Number.parseInt(score.value, 10) : score.value;
  const record: Record<string, unknown> = {
    response_id: row.get(RESPONSE_ID) ?? stableId(`${kind}_`, [customer ?? respondent ?? '', read.timestamp, score.value]),
    kind,
    score: value,
    timestamp: read.timestamp,
  };
  if (customer !== undefined) record.customer_id = customer;
  if (respondent !== undefined) record.anonymous_id = respondent;
  const campaign = row.get(CAMPAIGN);
  if (campaign !== undefined) record.campaign_id = campaign;
  const comment = row.get(COMMENT);
  if (comment !== undefined) record.comment = comment;
  return { records: [record] };
}
