// A hand-built experiment whose sufficient statistics are worked out by hand
// below, for the readout tests: experiment "hero" with variants A and B,
// exposures on 2026-02-10 (UTC), purchases before and after them.
//
// Person  variant  purchases (order: revenue, time)                       notes
// ana     A        o0: 20 on 02-05, o9: 5 on 01-20 (both before), o1: 50 after
// ben     A        none (a page view before)
// cal     B        o2: 30 after (sent twice: one order), o3: 10 on 02-11
// dee     B        o4: 15 an hour before exposure; exposed twice (B, B)
// eve     A then B purchases after — saw two variants, left out and counted
// fay     B        exposed as anon f1 (user u6); buys 25 as anon f2 (user u6)
// gus     A        a bot (left out with bot filtering); buys 99 after
// hal     —        exposed to another experiment only; buys
//
// Outcome "conversions" (one per order), CUPED covariate over the 14 days
// before the first exposure, test running until 2026-03-01:
//   A: ana y=1 x=1, ben y=0 x=0               → n 2, Σy 1, Σy² 1, Σx 1, Σx² 1, Σxy 1
//   B: cal y=2 x=0, dee y=0 x=1, fay y=1 x=0  → n 3, Σy 3, Σy² 5, Σx 1, Σx² 1, Σxy 0
// Revenue: A Σy 50, Σy² 2500, Σx 20, Σx² 400, Σxy 1000;
//          B Σy 65 (40 + 25), Σy² 2225 (1600 + 625), Σx 15, Σx² 225, Σxy 0.
// Ending the test at 2026-02-11 00:00 drops cal's o3: B Σy 2, Σy² 2 (conversions).
// A 30-day covariate window adds ana's o9: A Σx 2, Σx² 4, Σxy 2 (conversions).
export const EXPERIMENT_ZONE = 'UTC';

const BOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
let seq = 0;
const ev = (type: string, timestamp: string, anonymous_id: string, extra: Record<string, unknown> = {}) => ({ event_id: `x${++seq}`, type, timestamp, anonymous_id, ...extra });
const exposure = (who: string, at: string, experiment: string, variant: string, extra: Record<string, unknown> = {}) =>
  ev('experiment_exposure', `2026-02-10T${at}:00Z`, who, { url: 'https://shop.example/', properties: { experiment, variant }, ...extra });
const purchase = (who: string, timestamp: string, order: string, revenue: number, extra: Record<string, unknown> = {}) =>
  ev('purchase', timestamp, who, { order_id: order, revenue, currency: 'USD', url: 'https://shop.example/thanks', ...extra });

export const EXPERIMENT_EVENTS = [
  exposure('ana', '10:00', 'hero', 'A'),
  purchase('ana', '2026-01-20T09:00:00Z', 'o9', 5),
  purchase('ana', '2026-02-05T09:00:00Z', 'o0', 20),
  purchase('ana', '2026-02-10T11:00:00Z', 'o1', 50),
  ev('page_view', '2026-02-09T08:00:00Z', 'ben', { url: 'https://shop.example/' }),
  exposure('ben', '10:00', 'hero', 'A'),
  exposure('cal', '09:00', 'hero', 'B'),
  purchase('cal', '2026-02-10T12:00:00Z', 'o2', 30),
  purchase('cal', '2026-02-10T12:00:05Z', 'o2', 30),
  purchase('cal', '2026-02-11T10:00:00Z', 'o3', 10),
  purchase('dee', '2026-02-10T09:00:00Z', 'o4', 15),
  exposure('dee', '10:00', 'hero', 'B'),
  exposure('dee', '11:00', 'hero', 'B'),
  exposure('eve', '10:00', 'hero', 'A'),
  exposure('eve', '10:30', 'hero', 'B'),
  purchase('eve', '2026-02-10T12:00:00Z', 'o5', 40),
  exposure('f1', '10:00', 'hero', 'B', { user_id: 'u6' }),
  purchase('f2', '2026-02-10T13:00:00Z', 'o6', 25, { user_id: 'u6' }),
  exposure('gus', '10:00', 'hero', 'A', { user_agent: BOT }),
  purchase('gus', '2026-02-10T10:30:00Z', 'o7', 99, { user_agent: BOT }),
  exposure('hal', '10:00', 'banner', 'red'),
  purchase('hal', '2026-02-10T11:00:00Z', 'o8', 60),
];

export const DAY_MS = 86_400_000;
/** 2026-03-01T00:00Z: the end of the test unless a case says otherwise. */
export const MARCH = Date.UTC(2026, 2, 1);
