// The page path of one session: landing page, browsing, and the pages the
// session's outcome requires (gifting form, signup, cart → checkout → thank
// you). Dwell times stay well under 30 minutes so that sessionizing by
// inactivity finds exactly the sessions that were planned.

import type { ChannelGroup } from './demo-world.js';
import type { PageVisit } from './journey-plan.js';
import type { Random } from './random.js';
import { blogPaths, CART_PATH, CHECKOUT_PATH, collectionPaths, GIFTING_PATH, productPaths, SIGNUP_PATH, THANK_YOU_PATH } from './demo-site.js';

const SECOND = 1000;
const MAX_DWELL = 6 * 60 * SECOND;
const MAX_BROWSE = 9;

/** Chance that a session without any outcome leaves after its landing page. */
const BOUNCE: Record<ChannelGroup, number> = {
  'Paid Search': 0.38,
  'Paid Social': 0.55,
  Email: 0.3,
  'Organic Search': 0.45,
  'Organic Social': 0.6,
  Referral: 0.4,
  Direct: 0.33,
};

export interface SessionIntent {
  readonly landing: string;
  readonly start: number;
  readonly channel: ChannelGroup;
  readonly checkout: boolean;
  readonly purchase: boolean;
  readonly lead: boolean;
  readonly signup: boolean;
}

export interface PagePlan {
  readonly pages: PageVisit[];
  readonly checkoutAt?: number;
  readonly purchaseAt?: number;
  readonly leadAt?: number;
  readonly signupAt?: number;
}

function browsePath(rng: Random, previous: string): string {
  for (;;) {
    const r = rng.next();
    const path = r < 0.6 ? rng.pick(productPaths) : r < 0.85 ? rng.pick(collectionPaths) : r < 0.9 ? rng.pick(blogPaths) : '/';
    if (path !== previous) return path;
  }
}

function dwellOn(rng: Random, path: string): number {
  const mean = path === CHECKOUT_PATH ? 140 : path.startsWith('/blog/') ? 120 : 48;
  return Math.round(Math.min(MAX_DWELL, Math.max(4 * SECOND, rng.lognormal(mean * SECOND, 0.8))));
}

/** @example planPages(rng, { landing: '/', start, channel: 'Direct', checkout: false, purchase: false, lead: false, signup: false }) */
export function planPages(rng: Random, intent: SessionIntent): PagePlan {
  const paths = [intent.landing];
  const outcome = intent.checkout || intent.lead || intent.signup;
  if (outcome || !rng.chance(BOUNCE[intent.channel])) {
    const browse = Math.min(MAX_BROWSE, rng.poisson(intent.purchase ? 3.2 : 2.4) + (outcome ? 0 : 1));
    for (let i = 0; i < browse; i++) paths.push(browsePath(rng, paths[paths.length - 1]));
  }
  let leadIndex = -1;
  let signupIndex = -1;
  if (intent.lead) {
    if (paths[paths.length - 1] !== GIFTING_PATH) paths.push(GIFTING_PATH);
    leadIndex = paths.length - 1;
  }
  if (intent.signup) {
    paths.push(SIGNUP_PATH);
    signupIndex = paths.length - 1;
  }
  let checkoutIndex = -1;
  if (intent.checkout) {
    if (paths[paths.length - 1] !== CART_PATH) paths.push(CART_PATH);
    paths.push(CHECKOUT_PATH);
    checkoutIndex = paths.length - 1;
    if (intent.purchase) paths.push(THANK_YOU_PATH);
  }

  const pages: PageVisit[] = [];
  let at = intent.start;
  for (const path of paths) {
    const dwell = dwellOn(rng, path);
    pages.push({ path, at, dwell });
    at += dwell;
  }
  // Outcome events fire part-way through their page, a form submit after typing.
  const within = (index: number, share: number): number | undefined =>
    index < 0 ? undefined : pages[index].at + Math.round(pages[index].dwell * share);
  return {
    pages,
    checkoutAt: within(checkoutIndex, 0.02),
    purchaseAt: intent.purchase ? pages[pages.length - 1].at + 900 : undefined,
    leadAt: within(leadIndex, 0.7),
    signupAt: within(signupIndex, 0.6),
  };
}
