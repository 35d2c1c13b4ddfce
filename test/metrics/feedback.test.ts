// Feedback metrics (KPIS.md "Feedback") against values worked out by hand.
// Workspace "fb", UTC. Campaign CS1 "Survey Camp" (objective retention). All answers on 2026-03-02.
//   nps  : 10 (CS1), 9 (CS1), 10, 8, 3      → promoters 3 (10, 9, 10), detractors 1 (3), n 5
//   csat : 5, 4, 3, 1                       → satisfied (4–5) 2 of 4
//   ces  : 7, 5, 6                          → mean 6
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { column, expectValues, openHarness, rowOf, type Harness } from './harness.js';

const WS = 'fb';

describe('feedback metrics', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness('feedback');
    let n = 0;
    const answer = (kind: string, score: number, extra: Record<string, unknown> = {}) => ({
      response_id: `s${++n}`,
      kind,
      score,
      timestamp: `2026-03-02T${String(8 + n).padStart(2, '0')}:00:00Z`,
      ...extra,
    });
    await h.workspace(WS, {
      campaigns: [{ campaign_id: 'CS1', name: 'Survey Camp', platform: 'meta_ads', objective: 'retention' }],
      surveys: [
        answer('nps', 10, { campaign_id: 'CS1' }),
        answer('nps', 9, { campaign_id: 'CS1' }),
        answer('nps', 10),
        answer('nps', 8),
        answer('nps', 3, { customer_id: 'A' }),
        answer('csat', 5),
        answer('csat', 4),
        answer('csat', 3),
        answer('csat', 1),
        answer('ces', 7),
        answer('ces', 5),
        answer('ces', 6),
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('nps, csat, ces and survey responses over the period', async () => {
    const r = await h.query(WS, { metrics: ['nps', 'csat', 'ces', 'survey_responses'], from: '2026-03-02', to: '2026-03-02' });
    expectValues(r.totals, {
      nps: 40, // 3/5 promoters = 60 % − 1/5 detractors = 20 % → 40
      csat: 50, // 2 / 4 × 100
      ces: 6, // (7 + 5 + 6) / 3
      survey_responses: 12, // 5 + 4 + 3
    });
  });

  it('split by campaign', async () => {
    const r = await h.query(WS, { metrics: ['nps', 'csat', 'survey_responses'], dimensions: ['campaign'], from: '2026-03-02', to: '2026-03-02' });
    expect(column(r, 'campaign').sort()).toEqual(['(none)', 'CS1']);
    const cs1 = rowOf(r, { campaign: 'CS1' });
    expect(cs1.campaign_name).toBe('Survey Camp');
    expectValues(cs1, {
      nps: 100, // 10, 9: 2/2 promoters − 0 detractors
      csat: null, // no csat answer for CS1
      survey_responses: 2,
    });
    expectValues(rowOf(r, { campaign: '(none)' }), {
      nps: 0, // 10, 8, 3: 1/3 promoters − 1/3 detractors
      csat: 50, // 2 / 4
      survey_responses: 10, // 3 nps + 4 csat + 3 ces
    });
  });

  it('a day without answers: zero responses and null scores', async () => {
    const r = await h.query(WS, { metrics: ['nps', 'csat', 'ces', 'survey_responses'], grain: 'day', from: '2026-03-02', to: '2026-03-03' });
    expectValues(rowOf(r, { date: '2026-03-03' }), { nps: null, csat: null, ces: null, survey_responses: 0 });
    expectValues(rowOf(r, { date: '2026-03-02' }), { nps: 40, csat: 50, ces: 6, survey_responses: 12 });
  });

  it('split by the objective of the answer\'s campaign', async () => {
    const r = await h.query(WS, { metrics: ['nps', 'survey_responses'], dimensions: ['objective'], from: '2026-03-02', to: '2026-03-02' });
    expectValues(rowOf(r, { objective: 'retention' }), { nps: 100, survey_responses: 2 }); // CS1's two answers: 10, 9
    expectValues(rowOf(r, { objective: '(none)' }), { nps: 0, survey_responses: 10 }); // the rest
  });
});

// Workspace "fb-acq": answers without a campaign of their own count for the
// respondent's acquisition (KPIS.md: the first touch of the person, stitched
// through user_id). First touches on 2026-03-01:
//   A (user A, anon-A): Email · B (user B, anon-B): Paid Social, campaign CS1 · anon-C (never identified): Organic Search
// Answers on 2026-03-02:
//   nps 10 customer A → Email · nps 2 anonymous anon-B → stitched to B → Paid Social / CS1
//   nps 9 anonymous anon-C → Organic Search · nps 7 customer A, campaign CS2 (channel Display) → its own campaign wins
//   csat 5 with neither id → (none)
describe('feedback by the respondent’s acquisition', () => {
  let h: Harness;
  const FB = 'fb-acq';

  beforeAll(async () => {
    h = await openHarness('feedback-acquisition');
    const visit = (id: string, hour: number, extra: Record<string, unknown>) => ({
      event_id: id,
      type: 'page_view',
      timestamp: `2026-03-01T${String(hour).padStart(2, '0')}:00:00Z`,
      url: 'https://shop.example/',
      ...extra,
    });
    const answer = (id: string, kind: string, score: number, extra: Record<string, unknown> = {}) => ({ response_id: id, kind, score, timestamp: '2026-03-02T12:00:00Z', ...extra });
    await h.workspace(FB, {
      campaigns: [
        { campaign_id: 'CS1', name: 'Spring social', platform: 'meta_ads', channel: 'Paid Social', objective: 'conversion' },
        { campaign_id: 'CS2', name: 'Banner', channel: 'Display', objective: 'awareness' },
      ],
      events: [
        visit('e1', 10, { anonymous_id: 'anon-A', user_id: 'A', channel: 'Email' }),
        visit('e2', 11, { anonymous_id: 'anon-B', user_id: 'B', channel: 'Paid Social', campaign_id: 'CS1' }),
        visit('e3', 12, { anonymous_id: 'anon-C', channel: 'Organic Search' }),
      ],
      surveys: [
        answer('r1', 'nps', 10, { customer_id: 'A' }),
        answer('r2', 'nps', 2, { anonymous_id: 'anon-B' }),
        answer('r3', 'nps', 9, { anonymous_id: 'anon-C' }),
        answer('r4', 'nps', 7, { customer_id: 'A', campaign_id: 'CS2' }),
        answer('r5', 'csat', 5),
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('splits answers by the channel that acquired the respondent', async () => {
    const r = await h.query(FB, { metrics: ['nps', 'survey_responses'], dimensions: ['channel'], from: '2026-03-02', to: '2026-03-02' });
    expect(column(r, 'channel').sort()).toEqual(['(none)', 'Display', 'Email', 'Organic Search', 'Paid Social']);
    expectValues(rowOf(r, { channel: 'Email' }), { nps: 100, survey_responses: 1 }); // A's 10
    expectValues(rowOf(r, { channel: 'Paid Social' }), { nps: -100, survey_responses: 1 }); // anon-B → B: a 2 is a detractor
    expectValues(rowOf(r, { channel: 'Organic Search' }), { nps: 100, survey_responses: 1 }); // anon-C's 9
    expectValues(rowOf(r, { channel: 'Display' }), { nps: 0, survey_responses: 1 }); // the 7 names CS2: passive
    expectValues(rowOf(r, { channel: '(none)' }), { nps: null, survey_responses: 1 }); // the csat of nobody
  });

  it('and by the campaign that acquired them, with that campaign’s objective', async () => {
    const r = await h.query(FB, { metrics: ['nps', 'survey_responses'], dimensions: ['campaign', 'objective'], from: '2026-03-02', to: '2026-03-02' });
    expectValues(rowOf(r, { campaign: 'CS1', objective: 'conversion' }), { nps: -100, survey_responses: 1 });
    expectValues(rowOf(r, { campaign: 'CS2', objective: 'awareness' }), { nps: 0, survey_responses: 1 });
    expectValues(rowOf(r, { campaign: '(none)', objective: '(none)' }), { nps: 100, survey_responses: 3 }); // A's 10, anon-C's 9, the csat
  });
});
