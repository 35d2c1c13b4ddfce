import { describe, expect, it } from 'vitest';
import { isBotUserAgent } from './bot-detection.js';

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

describe('isBotUserAgent', () => {
  it('tells crawlers and scripts from browsers', () => {
    expect(isBotUserAgent(GOOGLEBOT)).toBe(true);
    expect(isBotUserAgent('curl/8.5.0')).toBe(true);
    expect(isBotUserAgent('Mozilla/5.0 HeadlessChrome/120.0')).toBe(true);
    expect(isBotUserAgent(BROWSER)).toBe(false);
    expect(isBotUserAgent('')).toBe(false);
    expect(isBotUserAgent(null)).toBe(false);
  });

  it('answers the same for a user agent seen again, also after the cache of answers filled up', () => {
    for (let i = 0; i < 25_000; i++) isBotUserAgent(`${i % 2 ? BROWSER : GOOGLEBOT} #${i}`);
    expect(isBotUserAgent(GOOGLEBOT)).toBe(true);
    expect(isBotUserAgent(BROWSER)).toBe(false);
    expect(isBotUserAgent(`${GOOGLEBOT} #24998`)).toBe(true);
    expect(isBotUserAgent(`${BROWSER} #24999`)).toBe(false);
  });
});
