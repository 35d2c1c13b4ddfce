// Known bots and crawlers by user agent; their events are kept but excluded
// from web metrics (a workspace can turn the filter off).
const BOT_PATTERN =
  /bot\b|bot[/;-]|crawler|spider|crawling|slurp|facebookexternalhit|embedly|quora link preview|bingpreview|headlesschrome|phantomjs|lighthouse|pingdom|uptimerobot|python-requests|curl\/|wget\/|go-http-client|java\/|httpclient|okhttp|scrapy|ahrefs|semrush|mj12|dataforseo|petalbot|yandex(bot|images)|baiduspider|duckduckbot|applebot|gptbot|ccbot|claudebot|bytespider/i;

// Traffic carries few distinct user agents: remember the answers (the cache
// starts over when full, so memory stays bounded whatever clients send).
const MAX_CACHED = 10_000;
const cache = new Map<string, boolean>();

/** True when a user agent belongs to a known bot or crawler. */
export function isBotUserAgent(userAgent: string | null | undefined): boolean {
  if (typeof userAgent !== 'string' || userAgent.length === 0) return false;
  let bot = cache.get(userAgent);
  if (bot === undefined) {
    bot = BOT_PATTERN.test(userAgent);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(userAgent, bot);
  }
  return bot;
}
