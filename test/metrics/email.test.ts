// Email metrics (KPIS.md "Email"): "unique" = distinct (message_id, anonymous_id);
// delivered = email_delivered events, or sent − bounced when there are none.
//
// Workspace "mail-a" (the sender reports deliveries), UTC.
//   campaigns NL1 "March Newsletter" (channel Email), NL2 "April Newsletter"
//   m1 (campaign_id NL1), 2026-03-02: sent r1…r5; bounce r5; delivered r1…r4;
//      opens r1, r1 (again), r2, r3 → unique 3; clicks r1, r1 (again), r2 → unique 2; unsubscribe r3
//   m3 (utm_campaign "April Newsletter" → NL2 by name), 2026-03-03: sent r1, r2; delivered r1, r2; open r1
// Workspace "mail-b" (no delivery events), UTC.
//   m2, 2026-03-02: sent r1…r10; bounces r9, r10; opens r1, r2, r3, r4, r4 (again) → unique 4;
//      click r1; unsubscribe r2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { column, ev, expectValues, openHarness, rowOf, type Harness } from './harness.js';

const people = (n: number) => Array.from({ length: n }, (_, i) => `r${i + 1}`);

describe('email metrics', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness('email');
    const m1 = (type: string, who: string, minute: number) =>
      ev(type, `2026-03-02T09:${String(minute).padStart(2, '0')}:00Z`, who, { campaign_id: 'NL1', properties: { message_id: 'm1' } });
    const m3 = (type: string, who: string, minute: number) =>
      ev(type, `2026-03-03T09:${String(minute).padStart(2, '0')}:00Z`, who, { utm_campaign: 'April Newsletter', properties: { message_id: 'm3' } });
    await h.workspace('mail-a', {
      campaigns: [
        { campaign_id: 'NL1', name: 'March Newsletter', channel: 'Email', objective: 'retention' },
        { campaign_id: 'NL2', name: 'April Newsletter', channel: 'Email', objective: 'retention' },
      ],
      events: [
        ...people(5).map((who) => m1('email_sent', who, 0)),
        m1('email_bounce', 'r5', 1),
        ...people(4).map((who) => m1('email_delivered', who, 1)),
        m1('email_open', 'r1', 10),
        m1('email_open', 'r1', 20),
        m1('email_open', 'r2', 11),
        m1('email_open', 'r3', 12),
        m1('email_click', 'r1', 13),
        m1('email_click', 'r1', 21),
        m1('email_click', 'r2', 14),
        m1('email_unsubscribe', 'r3', 15),
        m3('email_sent', 'r1', 0),
        m3('email_sent', 'r2', 0),
        m3('email_delivered', 'r1', 1),
        m3('email_delivered', 'r2', 1),
        m3('email_open', 'r1', 5),
      ],
    });
    const m2 = (type: string, who: string, minute: number) =>
      ev(type, `2026-03-02T08:${String(minute).padStart(2, '0')}:00Z`, who, { properties: { message_id: 'm2' } });
    await h.workspace('mail-b', {
      events: [
        ...people(10).map((who) => m2('email_sent', who, 0)),
        m2('email_bounce', 'r9', 1),
        m2('email_bounce', 'r10', 1),
        m2('email_open', 'r1', 10),
        m2('email_open', 'r2', 10),
        m2('email_open', 'r3', 10),
        m2('email_open', 'r4', 10),
        m2('email_open', 'r4', 30),
        m2('email_click', 'r1', 11),
        m2('email_unsubscribe', 'r2', 12),
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  const ALL = [
    'emails_sent', 'emails_delivered', 'email_open_rate', 'email_click_rate', 'email_click_to_open_rate',
    'email_bounce_rate', 'email_unsubscribe_rate',
  ];

  it('with email_delivered events: delivered is their count', async () => {
    const r = await h.query('mail-a', { metrics: ALL, from: '2026-03-02', to: '2026-03-03' });
    expectValues(r.totals, {
      emails_sent: 7, // m1 5 + m3 2
      emails_delivered: 6, // delivered events: m1 4 + m3 2
      email_open_rate: (4 / 6) * 100, // unique opens (m1: r1, r2, r3; m3: r1) = 4 / 6 → 66.666… %
      email_click_rate: (2 / 6) * 100, // unique clicks (m1: r1, r2) = 2 / 6 → 33.333… %
      email_click_to_open_rate: 50, // 2 / 4 × 100
      email_bounce_rate: (1 / 7) * 100, // 1 bounce / 7 sent → 14.285… %
      email_unsubscribe_rate: (1 / 6) * 100, // 1 / 6 delivered → 16.666… %
    });
  });

  it('split by the newsletter campaign (campaign_id or utm_campaign)', async () => {
    const r = await h.query('mail-a', { metrics: ALL, dimensions: ['campaign'], from: '2026-03-02', to: '2026-03-03' });
    expect(column(r, 'campaign').sort()).toEqual(['NL1', 'NL2']);
    const nl1 = rowOf(r, { campaign: 'NL1' });
    expect(nl1.campaign_name).toBe('March Newsletter');
    expectValues(nl1, {
      emails_sent: 5,
      emails_delivered: 4,
      email_open_rate: 75, // 3 / 4
      email_click_rate: 50, // 2 / 4
      email_click_to_open_rate: (2 / 3) * 100, // 66.666… %
      email_bounce_rate: 20, // 1 / 5
      email_unsubscribe_rate: 25, // 1 / 4
    });
    const nl2 = rowOf(r, { campaign: 'NL2' });
    expect(nl2.campaign_name).toBe('April Newsletter');
    expectValues(nl2, {
      emails_sent: 2,
      emails_delivered: 2,
      email_open_rate: 50, // 1 / 2
      email_click_rate: 0, // 0 / 2
      email_click_to_open_rate: 0, // 0 / 1
      email_bounce_rate: 0, // 0 / 2
      email_unsubscribe_rate: 0, // 0 / 2
    });
  });

  it('without email_delivered events: delivered = sent − bounced', async () => {
    const r = await h.query('mail-b', { metrics: ALL, from: '2026-03-02', to: '2026-03-02' });
    expectValues(r.totals, {
      emails_sent: 10,
      emails_delivered: 8, // 10 sent − 2 bounced
      email_open_rate: 50, // unique opens r1…r4 = 4 / 8
      email_click_rate: 12.5, // 1 / 8
      email_click_to_open_rate: 25, // 1 / 4
      email_bounce_rate: 20, // 2 / 10
      email_unsubscribe_rate: 12.5, // 1 / 8
    });
  });

  it('a day without email is zero sends and null rates', async () => {
    const r = await h.query('mail-b', { metrics: ALL, grain: 'day', from: '2026-03-02', to: '2026-03-03' });
    expectValues(rowOf(r, { date: '2026-03-03' }), {
      emails_sent: 0,
      emails_delivered: 0, // 0 − 0
      email_open_rate: null,
      email_click_rate: null,
      email_click_to_open_rate: null,
      email_bounce_rate: null,
      email_unsubscribe_rate: null,
    });
    expectValues(rowOf(r, { date: '2026-03-02' }), { emails_sent: 10, emails_delivered: 8 });
  });
});
