// Reads the marketing parameters (UTM tags, ad click ids) and the landing page out of an
// event's page URL, and the host out of its referrer. It runs once per event on the
// ingestion hot path, so it scans the string by hand: `new URL()` + `searchParams` measured
// 1.4–2.8× slower, and it rejects the relative and scheme-less URLs that real trackers send.

export type ClickIdKind = 'gclid' | 'gbraid' | 'wbraid' | 'msclkid' | 'fbclid' | 'ttclid' | 'li_fat_id';

export interface TouchParams {
  utm_source?: string;
  utm_medium?: string;
  utm_campaign?: string;
  utm_content?: string;
  utm_term?: string;
  utm_id?: string;
  /** The first click id present, in the order of `CLICK_ID_KINDS` (not the order in the URL). */
  click_id_kind?: ClickIdKind;
  click_id?: string;
  /** Path without query or fragment, percent-decoded, e.g. "/products/shoes". */
  landing_page?: string;
  /** Lower-case host without port and without a leading "www.". */
  host?: string;
}

/** Click ids in priority order: when a URL carries several, the earliest kind here wins. */
export const CLICK_ID_KINDS: readonly ClickIdKind[] = ['gclid', 'gbraid', 'wbraid', 'msclkid', 'fbclid', 'ttclid', 'li_fat_id'];

type UtmField = 'utm_source' | 'utm_medium' | 'utm_campaign' | 'utm_content' | 'utm_term' | 'utm_id';

/**
 * Parses the touch parameters of a page URL. Never throws; anything it cannot read is left out.
 * Parameter names match case-insensitively; values are `+`-as-space and percent decoded (a
 * malformed escape is kept raw), trimmed, and an empty value counts as absent, so for a
 * repeated parameter the first non-empty value wins.
 *
 * @example
 * parseTouchParams('https://www.Shop.com/shoes?utm_source=Google&utm_medium=cpc&gclid=abc')
 * // → { host: 'shop.com', landing_page: '/shoes', utm_source: 'Google', utm_medium: 'cpc',
 * //     click_id_kind: 'gclid', click_id: 'abc' }
 */
export function parseTouchParams(url: string | undefined): TouchParams {
  if (url === undefined) return {};
  const s = url.trim();
  if (s === '') return {};

  const hash = s.indexOf('#');
  const end = hash === -1 ? s.length : hash;
  let query = s.indexOf('?');
  if (query > end) query = -1;
  const pathEnd = query === -1 ? end : query;

  const out: TouchParams = {};
  const pathStart = readHost(s, pathEnd, out);
  if (pathStart >= 0) out.landing_page = pathStart < pathEnd ? decodeComponent(s.slice(pathStart, pathEnd), false) : '/';
  if (query !== -1) scanQuery(s, query + 1, end, out);
  return out;
}

/**
 * The host a referrer points at: lower-case, without port or leading "www.".
 * Undefined for an empty, relative or unreadable referrer.
 *
 * @example referrerHost('https://www.Google.co.uk/search?q=x') // → 'google.co.uk'
 */
export function referrerHost(referrer: string | undefined): string | undefined {
  if (referrer === undefined) return undefined;
  const s = referrer.trim();
  if (s === '') return undefined;
  const scratch: TouchParams = {};
  readHost(s, firstOf(s, 0, s.length, 63 /* ? */, 35 /* # */), scratch);
  return scratch.host;
}

// Sets out.host when the URL names one and returns where its path starts; -1 when the
// reference has no rooted path (e.g. "shoes?x=1", "mailto:a@b.c"), whose landing page is unknown.
function readHost(s: string, pathEnd: number, out: TouchParams): number {
  if (s.startsWith('//')) return readAuthority(s, 2, pathEnd, out);
  if (s.charCodeAt(0) === 47 /* / */) return 0;
  const scheme = schemeLength(s, pathEnd);
  if (scheme > 0 && s.startsWith('//', scheme + 1)) return readAuthority(s, scheme + 3, pathEnd, out);
  // No "scheme://": trackers still send "example.com/x?…", so take a host-shaped first segment.
  const slash = s.indexOf('/');
  const segmentEnd = slash === -1 || slash > pathEnd ? pathEnd : slash;
  const host = schemelessHost(s.slice(0, segmentEnd));
  if (host === undefined) return -1;
  out.host = host;
  return segmentEnd;
}

function readAuthority(s: string, start: number, pathEnd: number, out: TouchParams): number {
  const authorityEnd = firstOf(s, start, pathEnd, 47 /* / */, 92 /* backslash */);
  const host = normalizeHost(s.slice(start, authorityEnd));
  if (host !== undefined) out.host = host;
  return authorityEnd;
}

// Length of a leading "scheme:" name (RFC 3986 characters), 0 if there is none.
function schemeLength(s: string, limit: number): number {
  const first = s.charCodeAt(0) | 0x20;
  if (first < 97 || first > 122) return 0;
  for (let i = 1; i < limit; i++) {
    const c = s.charCodeAt(i);
    if (c === 58 /* : */) return i;
    const lower = c | 0x20;
    const ok = (lower >= 97 && lower <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
    if (!ok) return 0;
  }
  return 0;
}

const HOST_SHAPED = /^(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:[a-z][a-z0-9-]*|\d+))\.?(?::\d*)?$/i;

// A scheme-less first segment counts as a host only when it looks like one ("example.com",
// "shop.example.co.uk:8080", "localhost"), so relative paths such as "shoes" stay paths.
// "index.html" is host-shaped too; page URLs are absolute in practice, so we accept that.
function schemelessHost(segment: string): string | undefined {
  return HOST_SHAPED.test(segment) ? normalizeHost(segment) : undefined;
}

function normalizeHost(authority: string): string | undefined {
  let host = authority;
  const at = host.lastIndexOf('@');
  if (at !== -1) host = host.slice(at + 1);
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    host = close === -1 ? host : host.slice(0, close + 1);
  } else {
    const colon = host.indexOf(':');
    if (colon !== -1) host = host.slice(0, colon);
    if (host.endsWith('.')) host = host.slice(0, -1);
  }
  const shape = hostShape(host);
  if (shape === 'invalid') return undefined;
  // toLowerCase costs more than the rest of this function, and hosts are nearly always lower-case.
  if (shape === 'upper') host = host.toLowerCase();
  if (host.startsWith('www.')) host = host.slice(4);
  return host === '' ? undefined : host;
}

function hostShape(host: string): 'lower' | 'upper' | 'invalid' {
  let shape: 'lower' | 'upper' = 'lower';
  for (let i = 0; i < host.length; i++) {
    const c = host.charCodeAt(i);
    // Non-ASCII counts as upper-case: an IDN host may have capitals that toLowerCase knows.
    if ((c >= 65 && c <= 90) || c > 127) shape = 'upper';
    else if (c <= 32 || c === 34 || c === 39 || c === 60 || c === 62 || c === 92 || c === 94 || c === 96 || c === 123 || c === 124 || c === 125) {
      return 'invalid'; // whitespace, control characters, and "'<>\^`{|}
    }
  }
  return shape;
}

function scanQuery(s: string, start: number, end: number, out: TouchParams): void {
  let clickRank = CLICK_ID_KINDS.length;
  let i = start;
  while (i < end) {
    let amp = s.indexOf('&', i);
    if (amp === -1 || amp > end) amp = end;
    const eq = s.indexOf('=', i);
    if (eq !== -1 && eq < amp - 1) {
      const name = paramName(s, i, eq);
      if (name !== undefined) {
        const rank = CLICK_ID_KINDS.indexOf(name as ClickIdKind);
        const wanted = rank === -1 ? out[name as UtmField] === undefined : rank < clickRank;
        const value = wanted ? decodeComponent(s.slice(eq + 1, amp), true).trim() : '';
        if (value !== '') {
          if (rank === -1) {
            out[name as UtmField] = value;
          } else {
            clickRank = rank;
            out.click_id_kind = name as ClickIdKind;
            out.click_id = value;
          }
        }
      }
    }
    i = amp + 1;
  }
}

// The parameter's name when it is one we keep. Most names are neither wanted nor oddly
// spelled, so the exact lower-case match runs first and lower-casing only when it fails.
function paramName(s: string, start: number, eq: number): UtmField | ClickIdKind | undefined {
  const raw = s.slice(start, eq);
  const plausible = raw.length >= 5 && raw.length <= 12;
  const exact = plausible ? knownParam(raw) : undefined;
  if (exact !== undefined) return exact;
  // Links copied out of HTML arrive with "&amp;" separators, leaving "amp;" on the name.
  if (raw.startsWith('amp;')) return paramName(raw, 4, raw.length);
  const odd = raw.includes('%') || (plausible && /[A-Z]/.test(raw));
  return odd ? knownParam(decodeComponent(raw, true).toLowerCase()) : undefined;
}

function knownParam(name: string): UtmField | ClickIdKind | undefined {
  switch (name) {
    case 'utm_source': return 'utm_source';
    case 'utm_medium': return 'utm_medium';
    case 'utm_campaign': return 'utm_campaign';
    case 'utm_content': return 'utm_content';
    case 'utm_term': return 'utm_term';
    case 'utm_id': return 'utm_id';
    case 'gclid': return 'gclid';
    case 'gbraid': return 'gbraid';
    case 'wbraid': return 'wbraid';
    case 'msclkid': return 'msclkid';
    case 'fbclid': return 'fbclid';
    case 'ttclid': return 'ttclid';
    case 'li_fat_id': return 'li_fat_id';
    default: return undefined;
  }
}

const ESCAPE_RUN = /(?:%[0-9a-f]{2})+/gi;

// Like decodeURIComponent, but a malformed escape ("50%off", a lone Latin-1 "%E9") is kept
// as sent instead of throwing away the whole value: the raw text is the best we have.
function decodeComponent(raw: string, plusIsSpace: boolean): string {
  const s = plusIsSpace ? plusToSpace(raw) : raw;
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(ESCAPE_RUN, decodeRunOrKeep);
  }
}

// A hand loop: String.replaceAll was a tenth of the whole parse in a benchmark.
function plusToSpace(raw: string): string {
  let plus = raw.indexOf('+');
  if (plus === -1) return raw;
  let out = '';
  let from = 0;
  for (; plus !== -1; plus = raw.indexOf('+', from)) {
    out += raw.slice(from, plus) + ' ';
    from = plus + 1;
  }
  return out + raw.slice(from);
}

function decodeRunOrKeep(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    return run;
  }
}

// Index of the first char code a or b in [start, end), else end. Compares char codes because
// indexing the string (s[i]) made this the slowest step of the parse in a benchmark.
function firstOf(s: string, start: number, end: number, a: number, b: number): number {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === a || c === b) return i;
  }
  return end;
}
