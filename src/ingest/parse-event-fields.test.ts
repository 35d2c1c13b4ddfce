import { describe, expect, it } from 'vitest';
import type { Row } from '../model/validate.js';
import { addParsedEventFields } from './parse-event-fields.js';

const row = (fields: Row): Row => ({ url: null, referrer: null, user_agent: null, ...fields });

describe('addParsedEventFields', () => {
  it('adds the UTM tags, click id kind, landing page, referrer host and bot flag of an event', () => {
    const parsed = addParsedEventFields(
      row({
        url: 'https://www.Shop.example/shoes/red?utm_source=google&utm_medium=cpc&utm_campaign=spring+sale&gclid=abc',
        referrer: 'https://www.Google.co.uk/search?q=shoes',
        user_agent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      }),
    );
    expect(parsed).toMatchObject({
      parsed_utm_source: 'google',
      parsed_utm_medium: 'cpc',
      parsed_utm_campaign: 'spring sale',
      parsed_utm_content: null,
      parsed_utm_term: null,
      parsed_utm_id: null,
      parsed_click_id_kind: 'gclid',
      parsed_landing_page: '/shoes/red',
      parsed_referrer_host: 'google.co.uk',
      parsed_is_bot: true,
    });
  });

  it('leaves every parsed field empty for an event without url, referrer or user agent', () => {
    expect(addParsedEventFields(row({}))).toMatchObject({
      parsed_utm_source: null,
      parsed_click_id_kind: null,
      parsed_landing_page: null,
      parsed_referrer_host: null,
      parsed_is_bot: false,
    });
  });

  it('gives each event the fields of its own url and referrer when the same addresses come again and again', () => {
    const urls = ['https://a.example/x?utm_source=one', 'https://b.example/y?utm_source=two', '/relative/z'];
    const referrers = ['https://www.first.example/', 'not a url', 'https://second.example:8443/path'];
    // More distinct addresses than a cache keeps, then the first ones again.
    const many = Array.from({ length: 12_000 }, (_, i) => `https://shop.example/p${i}?utm_source=s${i}`);
    for (const url of [...urls, ...many, ...urls]) {
      const expected = /utm_source=([^&]+)/.exec(url)?.[1] ?? null;
      expect(addParsedEventFields(row({ url })).parsed_utm_source).toBe(expected);
    }
    for (let round = 0; round < 2; round++) {
      expect(referrers.map((referrer) => addParsedEventFields(row({ referrer })).parsed_referrer_host)).toEqual(['first.example', null, 'second.example']);
      expect(urls.map((url) => addParsedEventFields(row({ url })).parsed_landing_page)).toEqual(['/x', '/y', '/relative/z']);
    }
  });
});
