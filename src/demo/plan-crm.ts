// CRM stages a visitor's actions lead to: the corporate-gifting pipeline
// (lead → mql → sql → opportunity → a closed deal) and the subscription life of
// a customer (mrr, churn, the occasional win-back). Stages that would fall after
// the period are simply not there yet.

import { DAY_MS, isoTimestamp } from './demo-clock.js';
import type { LifecycleRecord } from './demo-records.js';
import { roundMoney } from './demo-money.js';
import type { Random } from './random.js';

/** Progression odds and delays (days) of the B2B pipeline. */
const PIPELINE = [
  { stage: 'mql', odds: 0.6, days: [0.5, 4] },
  { stage: 'sql', odds: 0.45, days: [2, 10] },
  { stage: 'opportunity', odds: 0.55, days: [3, 12] },
] as const;
const CLOSE = { odds: 0.4, days: [5, 25] } as const;

export interface LeadSource {
  readonly campaignId?: string;
  readonly channel: string;
}

export interface PipelinePlan {
  readonly rows: LifecycleRecord[];
  /** When the deal closes with an order, if it does inside the period. */
  readonly closeAt?: number;
}

/** @example planLeadPipeline(rng, 'cus_00042', leadAt, { campaignId: 'cmp_linkedin_gifting', channel: 'Paid Social' }, endMs) */
export function planLeadPipeline(rng: Random, customerId: string, leadAt: number, source: LeadSource, endMs: number): PipelinePlan {
  const tag = { ...(source.campaignId ? { campaign_id: source.campaignId } : {}), channel: source.channel };
  const rows: LifecycleRecord[] = [{ customer_id: customerId, stage: 'lead', timestamp: isoTimestamp(leadAt), ...tag }];
  let at = leadAt;
  for (const step of PIPELINE) {
    if (!rng.chance(step.odds)) return { rows };
    at += Math.round(rng.uniform(step.days[0], step.days[1]) * DAY_MS);
    if (at >= endMs) return { rows };
    rows.push({ customer_id: customerId, stage: step.stage, timestamp: isoTimestamp(at), ...tag });
  }
  if (!rng.chance(CLOSE.odds)) return { rows };
  const closeAt = at + Math.round(rng.uniform(CLOSE.days[0], CLOSE.days[1]) * DAY_MS);
  return closeAt < endMs ? { rows, closeAt } : { rows };
}

const MONTHLY_CHURN = 0.09;
const WIN_BACK = 0.3;
const PLANS = [12, 12, 12, 24] as const;

/**
 * Subscription ("Trail Club") rows after a customer's first order: mrr on the
 * customer row, then churn and perhaps reactivation.
 * @returns the mrr to put on the customer row and the later rows
 */
export function planSubscription(rng: Random, customerId: string, customerAt: number, endMs: number): { mrr: number; rows: LifecycleRecord[] } {
  const mrr = roundMoney(rng.pick(PLANS) - (rng.chance(0.2) ? 0.01 : 0));
  const rows: LifecycleRecord[] = [];
  const churnAt = customerAt + Math.round(rng.exponential(30 / MONTHLY_CHURN) * DAY_MS) + DAY_MS;
  if (churnAt >= endMs) return { mrr, rows };
  rows.push({ customer_id: customerId, stage: 'churned', timestamp: isoTimestamp(churnAt), mrr: 0 });
  if (!rng.chance(WIN_BACK)) return { mrr, rows };
  const backAt = churnAt + Math.round(rng.uniform(7, 40) * DAY_MS);
  if (backAt < endMs) rows.push({ customer_id: customerId, stage: 'reactivated', timestamp: isoTimestamp(backAt), mrr });
  return { mrr, rows };
}

/** A one-off buyer whose order was refunded sometimes closes their account. */
export function planRefundChurn(rng: Random, customerId: string, refundedAt: number, endMs: number): LifecycleRecord[] {
  if (!rng.chance(0.35)) return [];
  const at = refundedAt + Math.round(rng.uniform(3, 20) * DAY_MS);
  return at < endMs ? [{ customer_id: customerId, stage: 'churned', timestamp: isoTimestamp(at) }] : [];
}
