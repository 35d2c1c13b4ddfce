// Derives a touch's source, medium and channel (DATA.md "Channel grouping", modelled on GA4's
// default channel groups). Source and medium come from UTM tags, else the click id, else the
// referrer; a workspace's own rules run before the defaults. Pure: compile once, classify often.
import { RE2JS } from 're2js';
import { ValidationError } from '../core/errors.js';
import { referrerHost, type ClickIdKind } from './touch-params.js';

export const CHANNELS = [
  'Paid Search',
  'Paid Video',
  'Paid Social',
  'Display',
  'Paid Other',
  'Email',
  'Affiliates',
  'Organic Search',
  'Organic Video',
  'Organic Social',
  'Referral',
  'Direct',
  'Unassigned',
] as const;

export type DefaultChannel = (typeof CHANNELS)[number];

/** Regexes (RE2 syntax, matched in linear time), case-insensitive and against the whole value; all given ones must match. */
export interface CustomChannelRule {
  channel: string;
  source?: string;
  medium?: string;
  campaign?: string;
}

export interface ChannelSettings {
  ownHosts: readonly string[];
  rules: readonly CustomChannelRule[];
}

export interface TrafficInput {
  utm_source?: string;
  utm_medium?: string;
  utm_campaign?: string;
  click_id_kind?: ClickIdKind;
  /** As returned by `referrerHost` (lower-case, no "www."). */
  referrer_host?: string;
  event_type?: string;
}

export interface TrafficSource {
  source: string | null;
  medium: string | null;
  channel: string;
}

/** Made by `compileChannelSettings` only; its insides are not a contract. */
export interface CompiledChannelRules {
  readonly ownHosts: readonly string[];
  readonly rules: readonly CompiledRule[];
}

/** A user's pattern, matched in linear time (RE2): no input can make it backtrack. */
interface Pattern {
  matches(input: string): boolean;
}

interface CompiledRule {
  readonly channel: string;
  readonly source?: Pattern;
  readonly medium?: Pattern;
  readonly campaign?: Pattern;
}

type SourceKind = 'search' | 'social' | 'video';

interface Site {
  readonly name: string;
  readonly kind: SourceKind;
}

const RULE_FIELDS = ['source', 'medium', 'campaign'] as const;

/**
 * Checks and compiles a workspace's channel settings once, so classifying never meets a bad
 * regex. Every problem is reported in one ValidationError (details: `[{ field, message }]`,
 * field like `rules[2].medium`). Own hosts may be written as hosts or URLs; each covers its
 * subdomains.
 *
 * @example
 * const rules = compileChannelSettings({ ownHosts: ['shop.com'], rules: [{ channel: 'Partners', source: 'partner-.*' }] });
 */
export function compileChannelSettings(settings: ChannelSettings): CompiledChannelRules {
  const problems: { field: string; message: string }[] = [];
  const ownHosts: string[] = [];
  settings.ownHosts.forEach((written, index) => {
    // "*.shop.com" means what "shop.com" already does: a host covers its subdomains.
    const host = referrerHost(written.trim().replace(/^\*\./, ''));
    if (host === undefined) problems.push({ field: `ownHosts[${index}]`, message: `"${written}" is not a host name` });
    else ownHosts.push(host);
  });
  const rules = settings.rules.map((rule, index) => compileRule(rule, index, problems));
  if (problems.length > 0) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new ValidationError(`invalid channel settings: ${first.field}: ${first.message}${more}`, problems);
  }
  return { ownHosts, rules };
}

function compileRule(rule: CustomChannelRule, index: number, problems: { field: string; message: string }[]): CompiledRule {
  const compiled: { channel: string; source?: Pattern; medium?: Pattern; campaign?: Pattern } = { channel: rule.channel };
  if (typeof rule.channel !== 'string' || rule.channel.trim() === '') {
    problems.push({ field: `rules[${index}].channel`, message: 'a rule needs a channel name' });
  }
  // A rule without patterns would match everything and, running before the defaults, hide them all.
  if (RULE_FIELDS.every((field) => rule[field] === undefined)) {
    problems.push({ field: `rules[${index}]`, message: 'a rule needs at least one of source, medium, campaign' });
  }
  for (const field of RULE_FIELDS) {
    const pattern = rule[field];
    if (pattern === undefined) continue;
    try {
      // Compiled alone first: "a)|(b" is invalid alone but valid (and unanchored) once wrapped.
      RE2JS.compile(pattern);
      compiled[field] = RE2JS.compile(`(?:${pattern})`, RE2JS.CASE_INSENSITIVE);
    } catch (err) {
      problems.push({ field: `rules[${index}].${field}`, message: `not a valid regular expression (RE2 syntax: no lookaround or backreferences): ${(err as Error).message}` });
    }
  }
  return compiled;
}

/**
 * Source, medium and channel of one touch. The first custom rule that matches wins; else the
 * DATA.md defaults, first match wins. Source and medium come back lower-cased.
 *
 * @example
 * classifyTraffic({ utm_source: 'Google', utm_medium: 'CPC' }, rules)
 * // → { source: 'google', medium: 'cpc', channel: 'Paid Search' }
 */
export function classifyTraffic(input: TrafficInput, rules: CompiledChannelRules): TrafficSource {
  const touch = resolveTouch(input, rules.ownHosts);
  const channel = customChannel(touch, input.utm_campaign, rules.rules) ?? defaultChannel(touch);
  return { source: touch.source, medium: touch.medium, channel };
}

interface Touch {
  source: string | null;
  medium: string | null;
  /** The referrer is another site (rule 11). */
  referred: boolean;
  /** Source and medium are the default of a social_* event, not something sent. */
  socialEvent: boolean;
}

// DATA.md's order: UTM tags, else click id, else referrer. UTM tags count when either
// source or medium is sent, and then they alone decide: a lone `utm_medium=email` gives
// no source, rather than a source borrowed from a click id or referrer.
function resolveTouch(input: TrafficInput, ownHosts: readonly string[]): Touch {
  const host = normalizeReferrerHost(input.referrer_host);
  const own = host !== undefined && isOwnHost(host, ownHosts);
  const touch: Touch = { source: null, medium: null, referred: host !== undefined && !own, socialEvent: false };
  const utmSource = lowerOrNull(input.utm_source);
  const utmMedium = lowerOrNull(input.utm_medium);
  // Looked up defensively: the kind is often read back from storage as a plain string.
  const clicked = input.click_id_kind === undefined ? undefined : CLICK_ID_TRAFFIC[input.click_id_kind];
  if (utmSource !== null || utmMedium !== null) {
    touch.source = utmSource;
    touch.medium = utmMedium;
  } else if (clicked !== undefined) {
    touch.source = clicked[0];
    touch.medium = clicked[1];
  } else if (host !== undefined && !own) {
    const site = recogniseSite(host);
    touch.source = site?.name ?? host;
    touch.medium = site === undefined ? 'referral' : SITE_MEDIUM[site.kind];
  } else {
    applyEventDefault(touch, input.event_type);
  }
  return touch;
}

// Off-site events with nothing else to go on. An email_* event is an email touch: medium
// "email" (→ Email), no source, as the sending tool is unknown. A social_* event is an
// organic post's touch: medium "social" and channel Organic Social, though rule 10 alone
// wants a known network (the network is unknown here). Other events stay Direct.
function applyEventDefault(touch: Touch, eventType: string | undefined): void {
  if (eventType === undefined) return;
  if (eventType.startsWith('email_')) {
    touch.medium = 'email';
  } else if (eventType.startsWith('social_')) {
    touch.medium = 'social';
    touch.socialEvent = true;
  }
}

function customChannel(touch: Touch, campaign: string | undefined, rules: readonly CompiledRule[]): string | undefined {
  for (const rule of rules) {
    // An absent value is matched as "", so a rule can ask for it with an empty pattern.
    if (rule.source !== undefined && !rule.source.matches(touch.source ?? '')) continue;
    if (rule.medium !== undefined && !rule.medium.matches(touch.medium ?? '')) continue;
    if (rule.campaign !== undefined && !rule.campaign.matches(campaign?.trim() ?? '')) continue;
    return rule.channel;
  }
  return undefined;
}

const PAID_MEDIUM = /^(?:cpc|ppc|cpm|cpv|cpa|paid.*|retargeting)$/;
const DISPLAY_MEDIUM = /^(?:display|banner|expandable|interstitial)$/;
const EMAIL = /^(?:email|e-mail|e_mail|newsletter)$/;

// The 13 default rules of DATA.md, in its order; source and medium are already lower-case.
function defaultChannel(touch: Touch): DefaultChannel {
  const { source, medium } = touch;
  const kind = source === null ? undefined : sourceKind(source);
  const paid = medium !== null && PAID_MEDIUM.test(medium);
  if (paid && kind === 'search') return 'Paid Search';
  if ((paid && kind === 'video') || medium === 'cpv') return 'Paid Video';
  if (paid && kind === 'social') return 'Paid Social';
  // "cpm with no known source": a cpm touch from a known source was taken by rules 1–3.
  if (medium !== null && (DISPLAY_MEDIUM.test(medium) || medium === 'cpm')) return 'Display';
  if (paid) return 'Paid Other';
  if ((source !== null && EMAIL.test(source)) || (medium !== null && EMAIL.test(medium))) return 'Email';
  if (medium === 'affiliate') return 'Affiliates';
  if (kind === 'search') return 'Organic Search';
  if (kind === 'video') return 'Organic Video';
  if (kind === 'social' || touch.socialEvent) return 'Organic Social';
  if (medium === 'referral' || touch.referred) return 'Referral';
  if (source === null && medium === null) return 'Direct';
  return 'Unassigned';
}

const CLICK_ID_TRAFFIC: Readonly<Partial<Record<string, readonly [string, string]>> & Record<ClickIdKind, readonly [string, string]>> = {
  gclid: ['google', 'cpc'],
  gbraid: ['google', 'cpc'],
  wbraid: ['google', 'cpc'],
  msclkid: ['bing', 'cpc'],
  ttclid: ['tiktok', 'cpc'],
  li_fat_id: ['linkedin', 'cpc'],
  // Facebook adds fbclid to every outbound link, organic posts included, so it is not proof of an ad.
  fbclid: ['facebook', 'social'],
};

const SITE_MEDIUM: Readonly<Record<SourceKind, string>> = { search: 'organic', social: 'social', video: 'video' };

// Hosts whose subdomains mean the same site (m.facebook.com, l.instagram.com), by kind and source name.
const SITES: Readonly<Record<SourceKind, Readonly<Record<string, readonly string[]>>>> = {
  search: {
    bing: ['bing.com'], duckduckgo: ['duckduckgo.com'], baidu: ['baidu.com'], yandex: ['ya.ru'],
    ecosia: ['ecosia.org'], brave: ['search.brave.com'], startpage: ['startpage.com'], qwant: ['qwant.com'],
    naver: ['search.naver.com'], seznam: ['search.seznam.cz'], ask: ['ask.com'], aol: ['search.aol.com'],
    sogou: ['sogou.com'],
  },
  social: {
    facebook: ['facebook.com', 'fb.com', 'fb.me'], instagram: ['instagram.com'], linkedin: ['linkedin.com', 'lnkd.in'],
    // t.co is X's link shortener; GA reports it as a source of its own, and so do we.
    't.co': ['t.co'], twitter: ['twitter.com'], x: ['x.com'], pinterest: ['pin.it'], reddit: ['reddit.com', 'redd.it'],
    snapchat: ['snapchat.com'], tiktok: ['tiktok.com'], threads: ['threads.net', 'threads.com'], tumblr: ['tumblr.com'],
    vk: ['vk.com'], bluesky: ['bsky.app'], quora: ['quora.com'], whatsapp: ['whatsapp.com'],
  },
  video: {
    youtube: ['youtube.com', 'youtu.be', 'youtube-nocookie.com'], vimeo: ['vimeo.com'], twitch: ['twitch.tv'],
    dailymotion: ['dailymotion.com'],
  },
};

const SITE_HOSTS: ReadonlyMap<string, Site> = new Map(
  Object.entries(SITES).flatMap(([kind, names]) =>
    Object.entries(names).flatMap(([name, hosts]) => hosts.map((host): [string, Site] => [host, { name, kind: kind as SourceKind }])),
  ),
);

// Brands with a domain per country: google.de, google.co.uk, google.com.au, pinterest.fr…
const COUNTRY_TLD = String.raw`\.(?:[a-z]{2,3}|com?\.[a-z]{2})$`;
const COUNTRY_SITES: readonly { pattern: RegExp; site: Site }[] = [
  // Only google.<tld> itself is search: mail., docs., news.google.com are other products.
  { pattern: new RegExp(`^google${COUNTRY_TLD}`), site: { name: 'google', kind: 'search' } },
  { pattern: new RegExp(`^(?:[a-z0-9-]+\\.)*search\\.yahoo${COUNTRY_TLD}`), site: { name: 'yahoo', kind: 'search' } },
  { pattern: new RegExp(`^(?:[a-z0-9-]+\\.)*yandex${COUNTRY_TLD}`), site: { name: 'yandex', kind: 'search' } },
  { pattern: new RegExp(`^(?:[a-z0-9-]+\\.)*pinterest${COUNTRY_TLD}`), site: { name: 'pinterest', kind: 'social' } },
];

// Source names as people write them in utm_source: every site's name, plus aliases.
// Host-like sources ("m.facebook.com") are recognised through the host tables above.
const SOURCE_KINDS: ReadonlyMap<string, SourceKind> = new Map<string, SourceKind>([
  ...[...SITE_HOSTS.values(), ...COUNTRY_SITES.map(({ site }) => site)].map((site): [string, SourceKind] => [site.name, site.kind]),
  // "meta" is how many teams tag Meta ads.
  ['fb', 'social'], ['ig', 'social'], ['meta', 'social'],
]);

function recogniseSite(host: string): Site | undefined {
  for (let suffix = host; ; ) {
    const site = SITE_HOSTS.get(suffix);
    if (site !== undefined) return site;
    const dot = suffix.indexOf('.');
    if (dot === -1) break;
    suffix = suffix.slice(dot + 1);
  }
  for (const { pattern, site } of COUNTRY_SITES) if (pattern.test(host)) return site;
  return undefined;
}

function sourceKind(source: string): SourceKind | undefined {
  const named = SOURCE_KINDS.get(source);
  if (named !== undefined) return named;
  // utm_source=facebook.com or m.youtube.com names the site by its host.
  return source.includes('.') ? recogniseSite(source.startsWith('www.') ? source.slice(4) : source)?.kind : undefined;
}

function isOwnHost(host: string, ownHosts: readonly string[]): boolean {
  for (const own of ownHosts) {
    if (host === own || (host.endsWith(own) && host.charCodeAt(host.length - own.length - 1) === 46 /* . */)) return true;
  }
  return false;
}

function normalizeReferrerHost(host: string | undefined): string | undefined {
  if (host === undefined) return undefined;
  const lower = host.trim().toLowerCase();
  const bare = lower.startsWith('www.') ? lower.slice(4) : lower;
  return bare === '' ? undefined : bare;
}

function lowerOrNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed.toLowerCase() : null;
}

/**
 * Default channel of an ad platform's spend (DATA.md), used when the campaign has none.
 * Search engines' ad platforms are Paid Search, social networks' Paid Social. Our additions:
 * youtube_ads → Paid Video (a video source with a paid medium, rule 2); dv360 and criteo
 * (programmatic display) → Display. Unknown platforms → undefined.
 *
 * @example platformChannel('meta_ads') // → 'Paid Social'
 */
export function platformChannel(platform: string): DefaultChannel | undefined {
  return PLATFORM_CHANNELS.get(platform.trim().toLowerCase());
}

export const PLATFORM_DEFAULT_CHANNELS: readonly [DefaultChannel, readonly string[]][] = [
  ['Paid Search', ['google_ads', 'microsoft_ads', 'bing_ads', 'apple_search_ads']],
  ['Paid Social', ['meta_ads', 'facebook_ads', 'instagram_ads', 'linkedin_ads', 'tiktok_ads', 'twitter_ads', 'x_ads', 'pinterest_ads', 'snapchat_ads', 'reddit_ads']],
  ['Paid Video', ['youtube_ads']],
  ['Display', ['dv360', 'criteo']],
];

const PLATFORM_CHANNELS: ReadonlyMap<string, DefaultChannel> = new Map(
  PLATFORM_DEFAULT_CHANNELS.flatMap(([channel, platforms]) => platforms.map((platform): [string, DefaultChannel] => [platform, channel])),
);
