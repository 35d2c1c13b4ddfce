import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import {
  CHANNELS,
  classifyTraffic,
  compileChannelSettings,
  platformChannel,
  type TrafficInput,
  type TrafficSource,
} from './channel-grouping.js';

const defaults = compileChannelSettings({ ownHosts: ['shop.com'], rules: [] });

function classify(input: TrafficInput): TrafficSource {
  return classifyTraffic(input, defaults);
}

function channelOf(input: TrafficInput): string {
  return classify(input).channel;
}

describe('classifyTraffic: the 13 default channels (DATA.md order)', () => {
  it('1 Paid Search: search source with a paid medium', () => {
    expect(classify({ utm_source: 'Google', utm_medium: 'CPC' })).toEqual({ source: 'google', medium: 'cpc', channel: 'Paid Search' });
    expect(channelOf({ utm_source: 'bing', utm_medium: 'ppc' })).toBe('Paid Search');
    expect(channelOf({ utm_source: 'google', utm_medium: 'paidsearch' })).toBe('Paid Search');
    // Rule 1 comes before rule 2's "medium cpv".
    expect(channelOf({ utm_source: 'google', utm_medium: 'cpv' })).toBe('Paid Search');
    // A host written as the source is recognised too.
    expect(channelOf({ utm_source: 'www.google.de', utm_medium: 'cpc' })).toBe('Paid Search');
  });

  it('2 Paid Video: video source with a paid medium, or medium cpv', () => {
    expect(classify({ utm_source: 'youtube', utm_medium: 'cpc' })).toEqual({ source: 'youtube', medium: 'cpc', channel: 'Paid Video' });
    expect(channelOf({ utm_source: 'dv360', utm_medium: 'cpv' })).toBe('Paid Video');
    expect(channelOf({ utm_medium: 'cpv' })).toBe('Paid Video');
    // cpv wins over a social source too: rule 2 before rule 3.
    expect(channelOf({ utm_source: 'facebook', utm_medium: 'cpv' })).toBe('Paid Video');
  });

  it('3 Paid Social: social source with a paid medium', () => {
    expect(classify({ utm_source: 'facebook', utm_medium: 'paid_social' })).toEqual({
      source: 'facebook',
      medium: 'paid_social',
      channel: 'Paid Social',
    });
    expect(channelOf({ utm_source: 'ig', utm_medium: 'retargeting' })).toBe('Paid Social');
    expect(channelOf({ utm_source: 'm.facebook.com', utm_medium: 'cpm' })).toBe('Paid Social');
  });

  it('4 Display: display media, or cpm without a known source', () => {
    expect(classify({ utm_source: 'google', utm_medium: 'display' })).toEqual({ source: 'google', medium: 'display', channel: 'Display' });
    expect(channelOf({ utm_medium: 'banner' })).toBe('Display');
    expect(channelOf({ utm_source: 'adnet', utm_medium: 'interstitial' })).toBe('Display');
    expect(channelOf({ utm_source: 'adnet', utm_medium: 'expandable' })).toBe('Display');
    expect(channelOf({ utm_source: 'criteo', utm_medium: 'cpm' })).toBe('Display');
    expect(channelOf({ utm_medium: 'cpm' })).toBe('Display');
  });

  it('5 Paid Other: any other paid medium', () => {
    expect(classify({ utm_source: 'partner-x', utm_medium: 'cpc' })).toEqual({ source: 'partner-x', medium: 'cpc', channel: 'Paid Other' });
    expect(channelOf({ utm_medium: 'cpa' })).toBe('Paid Other');
    expect(channelOf({ utm_source: 'podcast', utm_medium: 'paid' })).toBe('Paid Other');
    // A paid newsletter placement is paid first: rule 5 before rule 6.
    expect(channelOf({ utm_source: 'newsletter', utm_medium: 'cpc' })).toBe('Paid Other');
  });

  it('6 Email: source or medium email, e-mail, e_mail or newsletter', () => {
    expect(classify({ utm_medium: 'email' })).toEqual({ source: null, medium: 'email', channel: 'Email' });
    expect(channelOf({ utm_source: 'newsletter' })).toBe('Email');
    expect(channelOf({ utm_source: 'mailchimp', utm_medium: 'E-Mail' })).toBe('Email');
    expect(channelOf({ utm_source: 'e_mail', utm_medium: 'weekly' })).toBe('Email');
    // Full match only.
    expect(channelOf({ utm_source: 'mailchimp', utm_medium: 'emails' })).toBe('Unassigned');
  });

  it('7 Affiliates: medium affiliate', () => {
    expect(classify({ utm_source: 'awin', utm_medium: 'affiliate' })).toEqual({ source: 'awin', medium: 'affiliate', channel: 'Affiliates' });
  });

  it('8 Organic Search: a search source', () => {
    expect(classify({ utm_source: 'google' })).toEqual({ source: 'google', medium: null, channel: 'Organic Search' });
    expect(classify({ referrer_host: 'google.co.uk' })).toEqual({ source: 'google', medium: 'organic', channel: 'Organic Search' });
  });

  it('9 Organic Video: a video source', () => {
    expect(classify({ referrer_host: 'youtube.com' })).toEqual({ source: 'youtube', medium: 'video', channel: 'Organic Video' });
    expect(channelOf({ utm_source: 'vimeo', utm_medium: 'description' })).toBe('Organic Video');
  });

  it('10 Organic Social: a social source', () => {
    expect(classify({ referrer_host: 'l.facebook.com' })).toEqual({ source: 'facebook', medium: 'social', channel: 'Organic Social' });
    expect(channelOf({ utm_source: 'linkedin', utm_medium: 'post' })).toBe('Organic Social');
  });

  it('11 Referral: medium referral, or a referrer from another site', () => {
    expect(classify({ referrer_host: 'news.ycombinator.com' })).toEqual({
      source: 'news.ycombinator.com',
      medium: 'referral',
      channel: 'Referral',
    });
    expect(channelOf({ utm_source: 'partner-blog', utm_medium: 'referral' })).toBe('Referral');
    // UTM tags that match nothing, but the visitor came from another site.
    expect(classify({ utm_source: 'foo', utm_medium: 'bar', referrer_host: 'blog.example.org' })).toEqual({
      source: 'foo',
      medium: 'bar',
      channel: 'Referral',
    });
  });

  it('12 Direct: no source, medium or referrer, or only an own host', () => {
    expect(classify({})).toEqual({ source: null, medium: null, channel: 'Direct' });
    expect(classify({ referrer_host: 'shop.com' })).toEqual({ source: null, medium: null, channel: 'Direct' });
    expect(channelOf({ event_type: 'page_view' })).toBe('Direct');
    // A campaign name alone carries no source or medium.
    expect(channelOf({ utm_campaign: 'spring' })).toBe('Direct');
  });

  it('13 Unassigned: anything else', () => {
    expect(classify({ utm_source: 'foo', utm_medium: 'bar' })).toEqual({ source: 'foo', medium: 'bar', channel: 'Unassigned' });
    // DATA.md's rules 8 and 10 ask for a known source; a bare medium does not make one.
    expect(channelOf({ utm_medium: 'organic' })).toBe('Unassigned');
    expect(channelOf({ utm_medium: 'social' })).toBe('Unassigned');
    // An own host cannot rescue UTM tags that match nothing.
    expect(channelOf({ utm_source: 'foo', utm_medium: 'bar', referrer_host: 'shop.com' })).toBe('Unassigned');
  });

  it('lists the 13 channels in rule order', () => {
    expect(CHANNELS).toEqual([
      'Paid Search', 'Paid Video', 'Paid Social', 'Display', 'Paid Other', 'Email', 'Affiliates',
      'Organic Search', 'Organic Video', 'Organic Social', 'Referral', 'Direct', 'Unassigned',
    ]);
  });
});

describe('classifyTraffic: source and medium', () => {
  it.each([
    ['gclid', 'google', 'cpc', 'Paid Search'],
    ['gbraid', 'google', 'cpc', 'Paid Search'],
    ['wbraid', 'google', 'cpc', 'Paid Search'],
    ['msclkid', 'bing', 'cpc', 'Paid Search'],
    ['ttclid', 'tiktok', 'cpc', 'Paid Social'],
    ['li_fat_id', 'linkedin', 'cpc', 'Paid Social'],
    ['fbclid', 'facebook', 'social', 'Organic Social'],
  ] as const)('derives %s → %s / %s → %s', (kind, source, medium, channel) => {
    expect(classify({ click_id_kind: kind })).toEqual({ source, medium, channel });
  });

  it('prefers UTM tags over the click id, and the click id over the referrer', () => {
    expect(classify({ utm_source: 'newsletter', utm_medium: 'email', click_id_kind: 'gclid' })).toEqual({
      source: 'newsletter',
      medium: 'email',
      channel: 'Email',
    });
    expect(classify({ click_id_kind: 'gclid', referrer_host: 'google.com' })).toEqual({ source: 'google', medium: 'cpc', channel: 'Paid Search' });
  });

  it('uses UTM tags alone when only one of source and medium is sent', () => {
    expect(classify({ utm_medium: 'email', click_id_kind: 'gclid', referrer_host: 'google.com' })).toEqual({
      source: null,
      medium: 'email',
      channel: 'Email',
    });
  });

  it('ignores a click id kind it does not know', () => {
    expect(classify({ click_id_kind: 'dclid' as never, referrer_host: 'bing.com' })).toEqual({ source: 'bing', medium: 'organic', channel: 'Organic Search' });
  });

  it('ignores blank UTM tags', () => {
    expect(classify({ utm_source: '  ', utm_medium: '', referrer_host: 'bing.com' })).toEqual({
      source: 'bing',
      medium: 'organic',
      channel: 'Organic Search',
    });
  });

  it.each([
    ['google.com', 'google'],
    ['google.co.uk', 'google'],
    ['google.de', 'google'],
    ['google.com.au', 'google'],
    ['bing.com', 'bing'],
    ['search.yahoo.com', 'yahoo'],
    ['uk.search.yahoo.com', 'yahoo'],
    ['duckduckgo.com', 'duckduckgo'],
    ['baidu.com', 'baidu'],
    ['m.baidu.com', 'baidu'],
    ['yandex.ru', 'yandex'],
    ['yandex.com', 'yandex'],
    ['ecosia.org', 'ecosia'],
    ['search.brave.com', 'brave'],
  ])('recognises the search engine %s as %s / organic', (host, source) => {
    expect(classify({ referrer_host: host })).toEqual({ source, medium: 'organic', channel: 'Organic Search' });
  });

  it.each([
    ['facebook.com', 'facebook'],
    ['m.facebook.com', 'facebook'],
    ['l.facebook.com', 'facebook'],
    ['lm.facebook.com', 'facebook'],
    ['instagram.com', 'instagram'],
    ['l.instagram.com', 'instagram'],
    ['linkedin.com', 'linkedin'],
    ['lnkd.in', 'linkedin'],
    ['t.co', 't.co'],
    ['twitter.com', 'twitter'],
    ['x.com', 'x'],
    ['pinterest.com', 'pinterest'],
    ['pinterest.co.uk', 'pinterest'],
    ['pinterest.de', 'pinterest'],
    ['reddit.com', 'reddit'],
    ['old.reddit.com', 'reddit'],
    ['snapchat.com', 'snapchat'],
    ['tiktok.com', 'tiktok'],
  ])('recognises the social network %s as %s / social', (host, source) => {
    expect(classify({ referrer_host: host })).toEqual({ source, medium: 'social', channel: 'Organic Social' });
  });

  it.each([
    ['youtube.com', 'youtube'],
    ['m.youtube.com', 'youtube'],
    ['youtu.be', 'youtube'],
    ['vimeo.com', 'vimeo'],
    ['twitch.tv', 'twitch'],
  ])('recognises the video site %s as %s / video', (host, source) => {
    expect(classify({ referrer_host: host })).toEqual({ source, medium: 'video', channel: 'Organic Video' });
  });

  it('does not mistake look-alike hosts for known sites', () => {
    // Other Google products, and hosts that merely end in a known name.
    expect(classify({ referrer_host: 'mail.google.com' })).toEqual({ source: 'mail.google.com', medium: 'referral', channel: 'Referral' });
    expect(classify({ referrer_host: 'box.com' })).toEqual({ source: 'box.com', medium: 'referral', channel: 'Referral' });
    expect(classify({ referrer_host: 'notfacebook.com' })).toEqual({ source: 'notfacebook.com', medium: 'referral', channel: 'Referral' });
    expect(classify({ referrer_host: 'news.yahoo.com' })).toEqual({ source: 'news.yahoo.com', medium: 'referral', channel: 'Referral' });
  });

  it('recognises social and search source names as sent in utm_source', () => {
    for (const source of ['facebook', 'fb', 'instagram', 'ig', 'linkedin', 'tiktok', 'twitter', 'x', 't.co', 'pinterest', 'reddit', 'snapchat']) {
      expect(channelOf({ utm_source: source })).toBe('Organic Social');
    }
    for (const source of ['google', 'bing', 'yahoo', 'duckduckgo', 'baidu', 'yandex', 'ecosia']) {
      expect(channelOf({ utm_source: source })).toBe('Organic Search');
    }
    for (const source of ['youtube', 'vimeo', 'twitch']) {
      expect(channelOf({ utm_source: source })).toBe('Organic Video');
    }
  });

  it('treats the site own hosts and their subdomains as no source', () => {
    const own = compileChannelSettings({ ownHosts: ['https://www.Shop.com/', 'store.example.net'], rules: [] });
    for (const host of ['shop.com', 'blog.shop.com', 'a.b.shop.com', 'store.example.net', 'eu.store.example.net', 'WWW.SHOP.COM']) {
      expect(classifyTraffic({ referrer_host: host }, own)).toEqual({ source: null, medium: null, channel: 'Direct' });
    }
    // Neither a parent domain nor a host that merely ends the same way is own.
    expect(classifyTraffic({ referrer_host: 'example.net' }, own).channel).toBe('Referral');
    expect(classifyTraffic({ referrer_host: 'myshop.com' }, own).channel).toBe('Referral');
  });

  it('accepts "*.host" as an own host', () => {
    const own = compileChannelSettings({ ownHosts: ['*.shop.com'], rules: [] });
    expect(classifyTraffic({ referrer_host: 'eu.shop.com' }, own).channel).toBe('Direct');
  });
});

describe('classifyTraffic: off-site event defaults', () => {
  it('gives email_* events with nothing else medium email → Email', () => {
    expect(classify({ event_type: 'email_click' })).toEqual({ source: null, medium: 'email', channel: 'Email' });
    expect(classify({ event_type: 'email_open', utm_campaign: 'weekly' })).toEqual({ source: null, medium: 'email', channel: 'Email' });
  });

  it('gives social_* events with nothing else medium social → Organic Social', () => {
    expect(classify({ event_type: 'social_like' })).toEqual({ source: null, medium: 'social', channel: 'Organic Social' });
  });

  it('lets sent tags win over the event default', () => {
    expect(classify({ event_type: 'social_share', utm_source: 'linkedin', utm_medium: 'paid_social' })).toEqual({
      source: 'linkedin',
      medium: 'paid_social',
      channel: 'Paid Social',
    });
    expect(channelOf({ event_type: 'email_click', referrer_host: 'example.org' })).toBe('Referral');
  });

  it('leaves other off-site events Direct', () => {
    expect(channelOf({ event_type: 'ad_impression' })).toBe('Direct');
  });
});

describe('custom channel rules', () => {
  const custom = compileChannelSettings({
    ownHosts: ['shop.com'],
    rules: [
      { channel: 'Brand Search', source: 'google|bing', medium: 'cpc', campaign: 'brand.*' },
      { channel: 'Partners', source: 'partner-.*' },
      { channel: 'Partners Two', source: 'partner-b' },
      { channel: 'Facebook', source: 'FACEBOOK' },
      { channel: 'Untagged email', source: '', medium: 'email' },
    ],
  });

  it('wins over the default channels', () => {
    expect(classifyTraffic({ utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'Brand_US' }, custom)).toEqual({
      source: 'google',
      medium: 'cpc',
      channel: 'Brand Search',
    });
    // Would be Paid Other / Referral by default.
    expect(classifyTraffic({ utm_source: 'partner-a', utm_medium: 'cpc' }, custom).channel).toBe('Partners');
    expect(classifyTraffic({ utm_source: 'Partner-A', utm_medium: 'referral' }, custom).channel).toBe('Partners');
  });

  it('needs every given pattern to match, else falls to the defaults', () => {
    expect(classifyTraffic({ utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'generic' }, custom).channel).toBe('Paid Search');
    expect(classifyTraffic({ utm_source: 'google', utm_medium: 'cpc' }, custom).channel).toBe('Paid Search');
  });

  it('matches the whole value, case-insensitively', () => {
    // "google|bing" must not match "googlemail"; "partner-.*" must not match "my-partner-a".
    expect(classifyTraffic({ utm_source: 'googlemail', utm_medium: 'cpc', utm_campaign: 'brand' }, custom).channel).toBe('Paid Other');
    expect(classifyTraffic({ utm_source: 'my-partner-a' }, custom).channel).toBe('Unassigned');
  });

  it('takes the first matching rule', () => {
    expect(classifyTraffic({ utm_source: 'partner-b' }, custom).channel).toBe('Partners');
  });

  it('matches sources derived from click ids and referrers', () => {
    expect(classifyTraffic({ referrer_host: 'l.facebook.com' }, custom)).toEqual({ source: 'facebook', medium: 'social', channel: 'Facebook' });
    expect(classifyTraffic({ click_id_kind: 'fbclid' }, custom).channel).toBe('Facebook');
  });

  it('matches an absent value with an empty pattern', () => {
    expect(classifyTraffic({ utm_medium: 'email' }, custom).channel).toBe('Untagged email');
    expect(classifyTraffic({ utm_source: 'mailchimp', utm_medium: 'email' }, custom).channel).toBe('Email');
  });
});

describe('compileChannelSettings', () => {
  function compileError(settings: Parameters<typeof compileChannelSettings>[0]): ValidationError {
    try {
      compileChannelSettings(settings);
    } catch (err) {
      if (err instanceof ValidationError) return err;
      throw err;
    }
    throw new Error('expected a ValidationError');
  }

  it('rejects an invalid regex, naming the rule index and field', () => {
    const err = compileError({ ownHosts: [], rules: [{ channel: 'A', source: 'ok' }, { channel: 'B', medium: '(cpc' }] });
    expect(err.status).toBe(400);
    expect(err.message).toContain('rules[1].medium');
    expect(err.details).toEqual([{ field: 'rules[1].medium', message: expect.stringContaining('not a valid regular expression') }]);
  });

  it('rejects a pattern that is only valid once anchored', () => {
    const err = compileError({ ownHosts: [], rules: [{ channel: 'A', campaign: 'a)|(b' }] });
    expect(err.message).toContain('rules[0].campaign');
  });

  it('reports every problem at once', () => {
    const err = compileError({
      ownHosts: ['shop.com', 'not a host'],
      rules: [{ channel: '', source: '[' }, { channel: 'Everything' }],
    });
    expect((err.details as { field: string }[]).map((p) => p.field)).toEqual([
      'ownHosts[1]',
      'rules[0].channel',
      'rules[0].source',
      'rules[1]',
    ]);
  });

  it('normalises own hosts written as URLs', () => {
    expect(compileChannelSettings({ ownHosts: ['https://www.Shop.com/', 'blog.shop.com'], rules: [] }).ownHosts).toEqual([
      'shop.com',
      'blog.shop.com',
    ]);
  });
});

describe('platformChannel', () => {
  it.each([
    ['google_ads', 'Paid Search'],
    ['microsoft_ads', 'Paid Search'],
    ['meta_ads', 'Paid Social'],
    ['linkedin_ads', 'Paid Social'],
    ['tiktok_ads', 'Paid Social'],
    ['youtube_ads', 'Paid Video'],
    ['Google_Ads', 'Paid Search'],
  ])('maps %s → %s', (platform, channel) => {
    expect(platformChannel(platform)).toBe(channel);
  });

  it('gives undefined for an unknown platform', () => {
    expect(platformChannel('carrier_pigeon')).toBeUndefined();
  });
});

describe('user patterns run in linear time', () => {
  // With a backtracking engine, (a+)+ against 40 a's and a b takes about 2^40 steps: it would never end within the test's timeout.
  it('regression: a nested quantifier once blocked the event loop for seconds, doubling per character', () => {
    const rules = compileChannelSettings({ ownHosts: [], rules: [{ channel: 'Trap', source: '(a+)+' }] });
    expect(classifyTraffic({ utm_source: `${'a'.repeat(40)}b`, utm_medium: 'x' }, rules).channel).not.toBe('Trap');
    expect(classifyTraffic({ utm_source: 'AAAA', utm_medium: 'x' }, rules).channel).toBe('Trap');
  });

  it('refuses what RE2 does not have (lookaround, backreferences), naming the rule', () => {
    const refused = (pattern: string) => {
      try {
        compileChannelSettings({ ownHosts: [], rules: [{ channel: 'X', source: pattern }] });
      } catch (err) {
        return (err as { details: { field: string; message: string }[] }).details[0];
      }
      throw new Error(`expected ${pattern} to be refused`);
    };
    expect(refused('(?=a)a')).toMatchObject({ field: 'rules[0].source', message: expect.stringContaining('no lookaround or backreferences') });
    expect(refused('(a)\\1').field).toBe('rules[0].source');
  });
});
