import { describe, expect, it } from 'vitest';
import { CLICK_ID_KINDS, parseTouchParams, referrerHost, type ClickIdKind } from './touch-params.js';

describe('parseTouchParams', () => {
  it('reads every UTM tag, the host and the landing page of an absolute URL', () => {
    const url =
      'https://www.Shop.Example.com/products/shoes?utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale' +
      '&utm_content=hero&utm_term=running+shoes&utm_id=cmp-42';
    expect(parseTouchParams(url)).toStrictEqual({
      host: 'shop.example.com',
      landing_page: '/products/shoes',
      utm_source: 'newsletter',
      utm_medium: 'email',
      utm_campaign: 'spring_sale',
      utm_content: 'hero',
      utm_term: 'running shoes',
      utm_id: 'cmp-42',
    });
  });

  it('returns nothing for an absent, empty or blank URL', () => {
    expect(parseTouchParams(undefined)).toStrictEqual({});
    expect(parseTouchParams('')).toStrictEqual({});
    expect(parseTouchParams('   ')).toStrictEqual({});
  });

  it('reads a relative URL: landing page and tags, no host', () => {
    expect(parseTouchParams('/products/shoes?utm_source=a')).toStrictEqual({ landing_page: '/products/shoes', utm_source: 'a' });
    expect(parseTouchParams('?utm_source=a')).toStrictEqual({ utm_source: 'a' });
    // A path that is not rooted says nothing about the landing page.
    expect(parseTouchParams('shoes?utm_source=a')).toStrictEqual({ utm_source: 'a' });
  });

  it('reads a URL without scheme when its first segment is a host', () => {
    expect(parseTouchParams('example.com/x?utm_source=a')).toStrictEqual({ host: 'example.com', landing_page: '/x', utm_source: 'a' });
    expect(parseTouchParams('Example.COM?utm_source=a')).toStrictEqual({ host: 'example.com', landing_page: '/', utm_source: 'a' });
    expect(parseTouchParams('shop.example.co.uk:8080/cart')).toStrictEqual({ host: 'shop.example.co.uk', landing_page: '/cart' });
    expect(parseTouchParams('localhost:3000/')).toStrictEqual({ host: 'localhost', landing_page: '/' });
  });

  it('reads protocol-relative URLs, ports, credentials and trailing dots in the host', () => {
    expect(parseTouchParams('//cdn.example.com/x')).toStrictEqual({ host: 'cdn.example.com', landing_page: '/x' });
    expect(parseTouchParams('https://user:pw@WWW.Shop.Example:8080/a')).toStrictEqual({ host: 'shop.example', landing_page: '/a' });
    expect(parseTouchParams('https://example.com./')).toStrictEqual({ host: 'example.com', landing_page: '/' });
    expect(parseTouchParams('http://[::1]:3000/x')).toStrictEqual({ host: '[::1]', landing_page: '/x' });
  });

  it('strips only a leading "www." label', () => {
    expect(parseTouchParams('https://www2.example.com/').host).toBe('www2.example.com');
    expect(parseTouchParams('https://wwwexample.com/').host).toBe('wwwexample.com');
  });

  it('gives "/" as landing page when an absolute URL has no path', () => {
    expect(parseTouchParams('https://example.com')).toStrictEqual({ host: 'example.com', landing_page: '/' });
    expect(parseTouchParams('https://example.com?utm_medium=cpc')).toStrictEqual({ host: 'example.com', landing_page: '/', utm_medium: 'cpc' });
  });

  it('percent-decodes the landing page', () => {
    expect(parseTouchParams('https://example.com/caf%C3%A9/menu').landing_page).toBe('/café/menu');
    // '+' is a literal plus in a path, unlike in a query string.
    expect(parseTouchParams('https://example.com/a+b').landing_page).toBe('/a+b');
  });

  it('ignores what follows the fragment mark', () => {
    expect(parseTouchParams('https://a.com/p?utm_source=x#utm_medium=y')).toStrictEqual({ host: 'a.com', landing_page: '/p', utm_source: 'x' });
    // The '?' sits inside the fragment, so there is no query string.
    expect(parseTouchParams('https://a.com/p#top?utm_source=x')).toStrictEqual({ host: 'a.com', landing_page: '/p' });
  });

  it('decodes "+" as a space and percent escapes in values', () => {
    expect(parseTouchParams('/?utm_campaign=summer+sale').utm_campaign).toBe('summer sale');
    expect(parseTouchParams('/?utm_campaign=summer%20sale').utm_campaign).toBe('summer sale');
    expect(parseTouchParams('/?utm_term=c%2B%2B+jobs').utm_term).toBe('c++ jobs');
    expect(parseTouchParams('/?utm_campaign=caf%C3%A9').utm_campaign).toBe('café');
  });

  it('keeps malformed percent escapes raw and still decodes the valid ones', () => {
    expect(parseTouchParams('/?utm_campaign=50%off').utm_campaign).toBe('50%off');
    expect(parseTouchParams('/?utm_campaign=spring%2sale').utm_campaign).toBe('spring%2sale');
    expect(parseTouchParams('/?utm_campaign=50%off%20now').utm_campaign).toBe('50%off now');
    // %E9 is Latin-1 "é", not valid UTF-8: kept; %C3%A9 is UTF-8 "é": decoded.
    expect(parseTouchParams('/?utm_campaign=%E9t%C3%A9').utm_campaign).toBe('%E9té');
    expect(parseTouchParams('/?utm_campaign=100%').utm_campaign).toBe('100%');
  });

  it('keeps the first of repeated parameters', () => {
    expect(parseTouchParams('/?utm_source=first&utm_source=second').utm_source).toBe('first');
  });

  it('treats empty and blank values as absent, so a later value fills in', () => {
    expect(parseTouchParams('/?utm_source=&utm_medium')).toStrictEqual({ landing_page: '/' });
    expect(parseTouchParams('/?utm_source=%20+&utm_source=b').utm_source).toBe('b');
    expect(parseTouchParams('/?gclid=&fbclid=fb1')).toMatchObject({ click_id_kind: 'fbclid', click_id: 'fb1' });
  });

  it('keeps the case of values and trims them', () => {
    expect(parseTouchParams('/?utm_source=+Google+&utm_campaign=%20Black%20Friday%20')).toMatchObject({
      utm_source: 'Google',
      utm_campaign: 'Black Friday',
    });
  });

  it('matches parameter names case-insensitively and when percent-encoded', () => {
    expect(parseTouchParams('/?UTM_SOURCE=X&Utm_Medium=Y&GCLID=g').utm_source).toBe('X');
    expect(parseTouchParams('/?UTM_SOURCE=X&Utm_Medium=Y&GCLID=g')).toMatchObject({ utm_medium: 'Y', click_id_kind: 'gclid', click_id: 'g' });
    expect(parseTouchParams('/?utm%5Fsource=a').utm_source).toBe('a');
  });

  it('reads links copied out of HTML, with "&amp;" separators', () => {
    expect(parseTouchParams('/?utm_source=a&amp;utm_medium=b')).toMatchObject({ utm_source: 'a', utm_medium: 'b' });
  });

  it('keeps "=" inside a value and skips empty pairs and unrelated parameters', () => {
    expect(parseTouchParams('/?&&utm_term=a=b&&ref=x&page=2&')).toStrictEqual({ landing_page: '/', utm_term: 'a=b' });
  });

  it.each(CLICK_ID_KINDS.map((kind) => [kind]))('reads the %s click id', (kind: ClickIdKind) => {
    expect(parseTouchParams(`https://shop.com/?${kind}=ID-1&x=1`)).toStrictEqual({
      host: 'shop.com',
      landing_page: '/',
      click_id_kind: kind,
      click_id: 'ID-1',
    });
  });

  it('picks the click id by priority, not by position in the URL', () => {
    expect(parseTouchParams('/?fbclid=f&gclid=g')).toMatchObject({ click_id_kind: 'gclid', click_id: 'g' });
    expect(parseTouchParams('/?li_fat_id=l&ttclid=t&msclkid=m')).toMatchObject({ click_id_kind: 'msclkid', click_id: 'm' });
    expect(parseTouchParams('/?wbraid=w&gbraid=b')).toMatchObject({ click_id_kind: 'gbraid', click_id: 'b' });
    expect(parseTouchParams('/?gclid=one&gclid=two')).toMatchObject({ click_id_kind: 'gclid', click_id: 'one' });
  });

  it('orders click ids as DATA.md lists them', () => {
    expect(CLICK_ID_KINDS).toEqual(['gclid', 'gbraid', 'wbraid', 'msclkid', 'fbclid', 'ttclid', 'li_fat_id']);
  });

  it('never throws on junk', () => {
    expect(parseTouchParams('not a url at all')).toStrictEqual({});
    expect(parseTouchParams('javascript:alert(1)')).toStrictEqual({});
    expect(parseTouchParams('mailto:a@b.com?utm_source=x')).toStrictEqual({ utm_source: 'x' });
    expect(parseTouchParams('http://')).toStrictEqual({ landing_page: '/' });
    expect(parseTouchParams('https://exa mple.com/p')).toStrictEqual({ landing_page: '/p' });
    expect(parseTouchParams('%%%?%=%&=&%E0%A4%A=%')).toStrictEqual({});
  });
});

describe('referrerHost', () => {
  it('gives the lower-case host without "www." or port', () => {
    expect(referrerHost('https://www.Google.co.uk/search?q=x')).toBe('google.co.uk');
    expect(referrerHost('http://l.facebook.com:443/l.php?u=x')).toBe('l.facebook.com');
    expect(referrerHost('https://t.co/abc')).toBe('t.co');
    expect(referrerHost('android-app://com.google.android.gm/')).toBe('com.google.android.gm');
  });

  it('reads a referrer without scheme', () => {
    expect(referrerHost('news.ycombinator.com')).toBe('news.ycombinator.com');
    expect(referrerHost('WWW.Example.org/page')).toBe('example.org');
  });

  it('gives undefined for empty, relative or unparseable referrers', () => {
    expect(referrerHost(undefined)).toBeUndefined();
    expect(referrerHost('')).toBeUndefined();
    expect(referrerHost('  ')).toBeUndefined();
    expect(referrerHost('/checkout')).toBeUndefined();
    expect(referrerHost('about:blank')).toBeUndefined();
    expect(referrerHost('https://')).toBeUndefined();
    expect(referrerHost('not a referrer')).toBeUndefined();
  });
});
