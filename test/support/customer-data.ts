// Orders and non-media costs for the buyers of the dashboard data set, for
// the customers view's browser test, with the customer economics the test
// expects worked out here from the records (not by Beacon). Each buyer of the
// data set is a customer (customer_id = their anonymous_id, so their first
// touch is the campaign link they arrived on): their first order is the
// purchase of the data set, and then they buy again at their own rate until
// they lapse — a seeded mix of rates and dropout chances, as a CLV model
// expects of real customers. A few repeat orders are refunded or cancelled.
import { createSeededRandom } from '../../src/attribution/seeded-random.js';
import { addDays, DASHBOARD_CAMPAIGNS, sums, type DashboardData } from './dashboard-data.js';

export interface CustomerOrder {
  order_id: string;
  customer_id: string;
  timestamp: string;
  revenue: number;
  status?: 'refunded' | 'cancelled';
}

export interface NonMediaCost {
  cost_id: string;
  date: string;
  category: 'agency' | 'content';
  amount: number;
  channel: string;
}

export interface CustomerData {
  orders: CustomerOrder[];
  costs: NonMediaCost[];
  /** Customer id → the channel of the campaign they arrived on. */
  channelOf: Map<string, string>;
}

const channelOfCampaign = new Map(DASHBOARD_CAMPAIGNS.map((c) => [c.id, c.channel]));

/** The customers' orders (up to `end`) and the non-media costs of the data set's days. */
export function generateCustomerData(data: DashboardData, end: string, seed = 13): CustomerData {
  const next = createSeededRandom(seed);
  const purchases = data.events.filter((e) => e.type === 'purchase');
  if (purchases.length !== data.orders.length) throw new Error('every order of the data set has one purchase event');
  const orders: CustomerOrder[] = [];
  const channelOf = new Map<string, string>();
  let repeats = 0;
  purchases.forEach((event, k) => {
    const customer = String(event.anonymous_id);
    channelOf.set(customer, channelOfCampaign.get(data.orders[k].campaign_id)!);
    orders.push({ order_id: String(event.order_id), customer_id: customer, timestamp: String(event.timestamp), revenue: Number(event.revenue) });
    const perDay = -Math.log(1 - next()) * 0.06;
    const dropout = 0.05 + next() * 0.8;
    const basket = 30 + next() * 120;
    let day = String(event.timestamp).slice(0, 10);
    for (let n = 1; ; n++) {
      day = addDays(day, 1 + Math.floor(-Math.log(1 - next()) / perDay));
      if (day > end) break;
      repeats++;
      const status = repeats % 50 === 0 ? 'cancelled' : repeats % 20 === 0 ? 'refunded' : undefined;
      const revenue = Math.round(basket * (0.6 + next() * 0.8) * 100) / 100;
      orders.push({ order_id: `${customer}-repeat-${n}`, customer_id: customer, timestamp: `${day}T12:00:00Z`, revenue, ...(status ? { status } : {}) });
      if (next() < dropout) break;
    }
  });
  const costs: NonMediaCost[] = [];
  data.days.forEach((date, i) => {
    if (i % 7 === 0) costs.push({ cost_id: `agency-${date}`, date, category: 'agency', amount: 140, channel: 'Paid Search' });
    if (i % 10 === 0) costs.push({ cost_id: `content-${date}`, date, category: 'content', amount: 90, channel: 'Paid Social' });
  });
  return { orders, costs, channelOf };
}

export interface ChannelEconomics {
  newCustomers: number;
  mediaCost: number;
  nonMediaCost: number;
  /** Σ completed-order revenue × margin of the customers acquired in the range, over their whole history. */
  lifetimeMargin: number;
  /** The same over each customer's first 365 days. */
  firstYearMargin: number;
}

/** The customer economics of one channel for customers acquired (first completed order) from `from` to `to`. */
export function channelEconomics(data: DashboardData, customers: CustomerData, scope: { from: string; to: string; channel: string }, margin: number): ChannelEconomics {
  const completed = customers.orders.filter((o) => o.status === undefined);
  const first = new Map<string, string>();
  for (const o of completed) if (!first.has(o.customer_id) || o.timestamp < first.get(o.customer_id)!) first.set(o.customer_id, o.timestamp);
  const acquired = new Set(
    [...first].filter(([id, ts]) => customers.channelOf.get(id) === scope.channel && ts.slice(0, 10) >= scope.from && ts.slice(0, 10) <= scope.to).map(([id]) => id),
  );
  const yearAfter = (id: string) => new Date(Date.parse(first.get(id)!) + 365 * 86_400_000).toISOString();
  let lifetimeMargin = 0;
  let firstYearMargin = 0;
  for (const o of completed.filter((c) => acquired.has(c.customer_id))) {
    lifetimeMargin += o.revenue * margin;
    if (o.timestamp < yearAfter(o.customer_id)) firstYearMargin += o.revenue * margin;
  }
  const nonMediaCost = customers.costs.filter((c) => c.channel === scope.channel && c.date >= scope.from && c.date <= scope.to).reduce((s, c) => s + c.amount, 0);
  return { newCustomers: acquired.size, mediaCost: sums(data, scope).cost, nonMediaCost, lifetimeMargin, firstYearMargin };
}
