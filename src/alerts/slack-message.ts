// A firing as a Slack message (`{ text, blocks }`, what Slack's incoming
// webhooks and compatible chat tools accept): a header, the value against the
// condition, the segments that moved, the recommended action and a link to
// the query. Names come from users, so every text is escaped for Slack's
// mrkdwn (`&`, `<`, `>`), which also keeps a name from forming a link. Pure.
import type { AlertCondition, AlertFiring, FiringSegment } from './alert-firing.js';
import { dashboardQueryLink } from './dashboard-link.js';
import type { RecommendedAction } from './recommended-action.js';

export interface SlackOptions {
  /** Where Beacon's dashboard is reached; without it the message has no link. */
  readonly dashboardUrl?: string;
  /** How to name the metric (its catalog label, e.g. "CPA"); by default its id. */
  readonly metricLabel?: string;
}

export type SlackText = { readonly type: 'plain_text' | 'mrkdwn'; readonly text: string };
export type SlackBlock =
  | { readonly type: 'header'; readonly text: SlackText }
  | { readonly type: 'section'; readonly text: SlackText }
  | { readonly type: 'context'; readonly elements: readonly SlackText[] };

export interface SlackMessage {
  /** The notification's text, and what clients without blocks show. */
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

/** Slack's limits: a header's text, and the segments listed before "and N more". */
const HEADER_MAX = 150;
const SEGMENTS_SHOWN = 10;

/**
 * @example
 * buildSlackMessage(firing, { metricLabel: 'CPA', dashboardUrl: 'https://beacon.example' })
 * // → { text: 'CPA too high: CPA is 46.2, above 40', blocks: [{ type: 'header', … }, …] }
 */
export function buildSlackMessage(firing: AlertFiring, options: SlackOptions = {}): SlackMessage {
  const label = escapeMrkdwn(options.metricLabel ?? firing.metric);
  const condition = describeCondition(firing.condition);
  const reading = firing.value === null ? `${label} has no value, ${condition}` : `${label} is ${formatNumber(firing.value)}, ${condition}`;
  const shown = firing.value === null ? `*${label}* has no value, ${condition}` : `*${label}* is *${formatNumber(firing.value)}*, ${condition}`;
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(firing.name, HEADER_MAX) } },
    { type: 'section', text: { type: 'mrkdwn', text: shown } },
  ];
  if (firing.segments && firing.segments.length > 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: describeSegments(firing.segments, label) } });
  if (firing.action) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: describeAction(firing.action) } });
  const link = options.dashboardUrl ? dashboardQueryLink(options.dashboardUrl, firing.query) : null;
  const context = `Fired at ${escapeMrkdwn(firing.fired_at)} · ${escapeMrkdwn(firing.query.from)} to ${escapeMrkdwn(firing.query.to)}`;
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: link ? `${context} · <${link}|Open the query in Beacon>` : context }] });
  return { text: `${escapeMrkdwn(firing.name)}: ${reading}`, blocks };
}

/** The condition as the end of "CPA is 46.2, …". */
export function describeCondition(condition: AlertCondition): string {
  switch (condition.kind) {
    case 'threshold':
      return `${condition.op} ${formatNumber(condition.value)}`;
    case 'change':
      return `a change ${condition.op} ${formatNumber(condition.percent)} % against the previous period`;
    case 'anomaly':
      return `outside its expected range (sensitivity ${formatNumber(condition.sensitivity)})`;
    case 'goal_pace':
      return `behind the pace of goal ${escapeMrkdwn(condition.goal_id)}`;
    case 'funnel':
      return `${condition.op} ${formatNumber(condition.value)} in the funnel ${condition.steps.map(escapeMrkdwn).join(' → ')} within ${condition.window_days} days`;
    case 'data_quality':
      return `above 0: findings of the data-quality audit at least as severe as ${condition.severity}`;
  }
}

function describeSegments(segments: readonly FiringSegment[], label: string): string {
  const lines = segments.slice(0, SEGMENTS_SHOWN).map((s) => {
    const value = s.metric_value === null ? '' : `, ${label} ${formatNumber(s.metric_value)}`;
    return `• ${escapeMrkdwn(s.dimension)} *${escapeMrkdwn(s.value)}*: ${formatNumber(s.contribution_percent)} % of the change${value}`;
  });
  if (segments.length > SEGMENTS_SHOWN) lines.push(`… and ${segments.length - SEGMENTS_SHOWN} more`);
  return ['*Segments that moved*', ...lines].join('\n');
}

function describeAction(action: RecommendedAction): string {
  const campaign = action.campaign_id === undefined ? undefined : `campaign ${escapeMrkdwn(action.campaign_id)}`;
  let what: string;
  if (action.action === 'pause') what = campaign ? `pause ${campaign}` : 'pause';
  else {
    const [direction, lever] = action.action.split('_');
    const amount = action.by_percent === undefined ? '' : ` by ${formatNumber(action.by_percent)} %`;
    what = `${direction} the ${lever}${campaign ? ` of ${campaign}` : ''}${amount}`;
  }
  return `*Recommended:* ${what}\n_${escapeMrkdwn(action.because)}_`;
}

/** Slack's three control characters, escaped as its mrkdwn asks. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
