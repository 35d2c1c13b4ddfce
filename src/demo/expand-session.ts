// Turns one planned session into its on-site events: page views with the
// landing URL's UTM tags and click ids, scroll depth, product videos, the
// checkout experiment and the conversion events themselves.

import { SHOP_ORIGIN, PRODUCT_VIDEOS, pageTitle, SEARCH_REFERRERS, SOCIAL_REFERRERS, BLOG_REFERRERS, CHECKOUT_PATH, THANK_YOU_PATH, SIGNUP_PATH, GIFTING_PATH } from './demo-site.js';
import { SOURCES, type PaidSource, type TrafficSource } from './demo-world.js';
import type { EmailSend } from './email-schedule.js';
import type { DemoEvent } from './demo-records.js';
import type { EventBuffer } from './event-buffer.js';
import type { SessionPlan, VisitorPlan } from './journey-plan.js';
import { createRandom, type Random } from './random.js';

const SCROLL_DEPTHS = [25, 50, 75, 100];
const SCROLL_WEIGHTS = [30, 28, 22, 20];
const VIDEO_QUARTER_MS = 20_000;

export interface Landing {
  readonly url: string;
  readonly referrer?: string;
  /** The utm_source used, so off-site touches can repeat it. */
  readonly utmSource?: string;
}

function clickId(rng: Random, param: PaidSource['clickIdParam']): string {
  const prefix = { gclid: 'Cj0KCQiA', fbclid: 'IwAR', ttclid: 'E.C.P.', li_fat_id: '' }[param];
  return prefix + rng.hex(param === 'li_fat_id' ? 32 : 40);
}

/** Landing URL and referrer of a session, as the browser would report them. */
export function landingOf(rng: Random, source: TrafficSource, session: SessionPlan, sends: readonly EmailSend[], emailSend?: number): Landing {
  const base = SHOP_ORIGIN + session.pages[0].path;
  if (source.kind === 'email') {
    const send = sends[emailSend ?? -1];
    const query = `utm_source=newsletter&utm_medium=email&utm_campaign=${source.id}&utm_content=${send.messageId}`;
    return { url: `${base}?${query}`, utmSource: 'newsletter' };
  }
  if (source.kind === 'organic') {
    const set = { search: SEARCH_REFERRERS, social: SOCIAL_REFERRERS, blog: BLOG_REFERRERS, none: undefined }[source.referrerSet];
    return { url: base, referrer: set ? rng.weightedPick(set.items, set.weights) : undefined };
  }
  const which = rng.int(0, source.utmSources.length - 1);
  const utmSource = source.utmSources[which];
  const params = new URLSearchParams();
  if (rng.chance(source.utmShare)) {
    params.set('utm_source', utmSource);
    params.set('utm_medium', source.utmMedium);
    params.set('utm_campaign', source.id);
    params.set('utm_content', source.ads[session.ad].id);
  }
  params.set(source.clickIdParam, clickId(rng, source.clickIdParam));
  return { url: `${base}?${params.toString()}`, referrer: source.referrers[Math.min(which, source.referrers.length - 1)], utmSource };
}

/** Writes the on-site events of one session; returns its landing for off-site touches. */
export function expandSession(out: EventBuffer, plan: VisitorPlan, session: SessionPlan, sends: readonly EmailSend[]): Landing {
  const rng = createRandom(session.seed);
  const { profile } = plan;
  const source = SOURCES[session.source];
  const landing = profile.bot ? { url: SHOP_ORIGIN + session.pages[0].path } : landingOf(rng, source, session, sends, emailSendOf(plan, session));
  const device = profile.devices[session.device];
  const { country } = profile;
  const onSite = (ms: number, type: string, url: string, referrer?: string): DemoEvent => {
    const event = out.add(ms, type, profile.anonymousIds[session.device]);
    const userId = session.knownUserId ?? (session.identified && ms >= session.identified.at ? session.identified.userId : undefined);
    if (userId) event.user_id = userId;
    if (session.sessionId) event.session_id = session.sessionId;
    event.url = url;
    if (referrer) event.referrer = referrer;
    event.user_agent = profile.userAgents[session.device];
    return event;
  };

  let previousUrl: string | undefined = landing.referrer;
  session.pages.forEach((page, i) => {
    const url = i === 0 ? landing.url : SHOP_ORIGIN + page.path;
    const view = onSite(page.at, 'page_view', url, previousUrl);
    view.properties = { device, country, page_title: pageTitle(page.path) };
    previousUrl = url;
    if (profile.bot) return;
    // One scroll event per page, carrying the deepest quarter reached.
    if (rng.chance(session.pages.length === 1 ? 0.12 : 0.75)) {
      const percent = rng.weightedPick(SCROLL_DEPTHS, SCROLL_WEIGHTS);
      onSite(page.at + Math.round(page.dwell * rng.uniform(0.3, 0.9)), 'scroll', url).properties = { device, country, percent };
    }
    const videoId = page.path.startsWith('/products/') ? PRODUCT_VIDEOS[page.path.slice('/products/'.length)] : undefined;
    if (videoId && rng.chance(source.kind === 'paid' && source.platform === 'tiktok_ads' && i === 0 ? 0.6 : 0.3)) {
      expandVideo(rng, (ms, type, percent) => {
        onSite(ms, type, url).properties = { device, country, video_id: videoId, percent };
      }, page.at, page.dwell);
    }
  });

  if (session.checkout) {
    const exposure = onSite(session.checkout.at, 'experiment_exposure', SHOP_ORIGIN + CHECKOUT_PATH);
    exposure.properties = { device, country, experiment: 'checkout_button', variant: session.checkout.variant };
  }
  if (session.signupAt !== undefined) onSite(session.signupAt, 'signup', SHOP_ORIGIN + SIGNUP_PATH).properties = { device, country, method: 'email' };
  if (session.leadAt !== undefined) {
    const company_size = rng.pick(['11-50', '51-200', '201-1000', '1000+']);
    onSite(session.leadAt, 'lead', SHOP_ORIGIN + GIFTING_PATH).properties = { device, country, form: 'corporate_gifting', company_size };
  }
  if (session.purchase) {
    const { orderId, revenue, at } = session.purchase;
    const purchase = onSite(at, 'purchase', SHOP_ORIGIN + THANK_YOU_PATH);
    purchase.order_id = orderId;
    purchase.revenue = revenue;
    purchase.currency = 'USD';
    purchase.properties = { device, country, items: 1 + rng.poisson(0.7) };
  }
  return landing;
}

function emailSendOf(plan: VisitorPlan, session: SessionPlan): number | undefined {
  return session.emailTouch === undefined ? undefined : plan.emails[session.emailTouch].send;
}

/** Video events stop when the visitor leaves the page. */
function expandVideo(rng: Random, emit: (ms: number, type: string, percent: number) => void, pageAt: number, dwell: number): void {
  const start = pageAt + Math.min(3000, Math.round(dwell * 0.1));
  const leaveAt = pageAt + dwell;
  emit(start, 'video_start', 0);
  for (let q = 1; q <= 4; q++) {
    const at = start + q * VIDEO_QUARTER_MS;
    if (at >= leaveAt || !rng.chance(q === 4 ? 0.7 : 0.78)) return;
    emit(at, q === 4 ? 'video_complete' : 'video_progress', q * 25);
  }
}
