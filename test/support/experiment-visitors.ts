// A/B tests for the experiments view's browser test, as experiment_exposure
// and purchase events dated before `today`, with each person's own record
// kept beside them so the test can count every readout itself:
//
// - checkout_button (control, green): 2,000 people each, first exposed on one
//   of the 20 days ending two days before today. Person i of an arm bought 5
//   days before exposure when i % 7 = 0 (the CUPED covariate); buys after it
//   when i % 14 = 0, or else when i % 30 = 1 (control) or i % 16 = 1 (green):
//   200 and 250 converters by hand (143 + 57, 143 + 107). Every fourth buyer
//   orders again a day later. In green, person i also bought before exposure
//   when i % 100 = 3, so the arms' covariates differ and CUPED moves them.
// - pricing_page (control, new_price): 180 and 20 people, 40 to 31 days
//   before today — a 90/10 split where 50/50 was planned.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface ExposedPerson {
  id: string;
  experiment: string;
  variant: string;
  exposedAt: number;
  /** Orders after the first exposure: time and revenue. */
  orders: { at: number; revenue: number }[];
  /** Orders in the 14 days before it. */
  priorOrders: { at: number; revenue: number }[];
}

export interface ExperimentVisitors {
  events: Record<string, unknown>[];
  people: ExposedPerson[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The checkout rule above: whether person i of the arm buys after exposure. */
function buysAfter(variant: string, i: number): boolean {
  if (i % 14 === 0) return true;
  if (i % 7 === 0) return false;
  return variant === 'control' ? i % 30 === 1 : i % 16 === 1;
}

function checkoutPerson(variant: string, i: number, today: number): ExposedPerson {
  const exposedAt = today - (2 + (i % 20)) * DAY + (9 + (i % 8)) * HOUR;
  const orders = buysAfter(variant, i) ? [{ at: exposedAt + HOUR, revenue: 40 + (i % 5) * 10 }] : [];
  if (orders.length > 0 && i % 4 === 0) orders.push({ at: exposedAt + DAY + HOUR, revenue: 25 });
  const priorOrders = i % 7 === 0 || (variant === 'green' && i % 100 === 3) ? [{ at: exposedAt - 5 * DAY, revenue: 30 + (i % 3) * 10 }] : [];
  return { id: `ck-${variant}-${i}`, experiment: 'checkout_button', variant, exposedAt, orders, priorOrders };
}

function pricingPerson(variant: string, i: number, today: number): ExposedPerson {
  const exposedAt = today - (31 + (i % 10)) * DAY + 11 * HOUR;
  const orders = i % 5 === 0 ? [{ at: exposedAt + 2 * HOUR, revenue: 60 }] : [];
  return { id: `pp-${variant}-${i}`, experiment: 'pricing_page', variant, exposedAt, orders, priorOrders: [] };
}

function eventsOf(p: ExposedPerson): Record<string, unknown>[] {
  const purchase = (at: number, revenue: number, n: string) => ({
    event_id: `${p.id}-${n}`,
    type: 'purchase',
    timestamp: iso(at),
    anonymous_id: p.id,
    url: 'https://shop.example/thanks',
    revenue,
    currency: 'USD',
    order_id: `${p.id}-${n}`,
  });
  return [
    { event_id: `${p.id}-exposure`, type: 'experiment_exposure', timestamp: iso(p.exposedAt), anonymous_id: p.id, url: 'https://shop.example/checkout', properties: { experiment: p.experiment, variant: p.variant } },
    ...p.priorOrders.map((o, k) => purchase(o.at, o.revenue, `before-${k}`)),
    ...p.orders.map((o, k) => purchase(o.at, o.revenue, `order-${k}`)),
  ];
}

/** The two tests, `today` a YYYY-MM-DD date (UTC). */
export function generateExperimentVisitors(today: string): ExperimentVisitors {
  const midnight = Date.parse(`${today}T00:00:00Z`);
  const people = [
    ...['control', 'green'].flatMap((v) => Array.from({ length: 2000 }, (_, i) => checkoutPerson(v, i, midnight))),
    ...Array.from({ length: 180 }, (_, i) => pricingPerson('control', i, midnight)),
    ...Array.from({ length: 20 }, (_, i) => pricingPerson('new_price', i, midnight)),
  ];
  return { events: people.flatMap(eventsOf), people };
}
