// Known bots and crawlers by user agent; their events are kept but excluded
// from web metrics (a workspace can turn the filter off).
const BOT_PATTERN =
  /bot\b|bot[/;-]|crawler|spider|crawling|slurp|facebookexternalhit|embedly|quora link preview|bingpreview|headlesschrome|phantomjs|lighthouse|pingdom|uptimerobot|python-requests|curl\/|wget\/|go-http-client|java\/|httpclient|okhttp|scrapy|ahrefs|semrush|mj12|dataforseo|petalbot|yandex(bot|images)|baiduspider|duckduckbot|applebot|gptbot|ccbot|claudebot|bytespider/i;

/** True when a user agent belongs to a known bot or crawler. */
export function isBotUserAgent(userAgent: string | null | undefined): boolean {
  return typeof userAgent === 'string' && userAgent.length > 0 && BOT_PATTERN.test(userAgent);
}
