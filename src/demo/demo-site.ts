// The fictional shop's web presence as data: pages, products with videos,
// referring sites and the browsers and crawlers that visit. Journeys draw from
// these lists so URLs, titles and user agents look like a real storefront.

export const SHOP_NAME = 'Northwind Outfitters';
export const SHOP_ORIGIN = 'https://shop.example.com';

export const PRODUCTS = [
  'ridgeline-rain-jacket',
  'summit-down-parka',
  'trailhead-fleece',
  'alpine-softshell',
  'granite-hiking-boots',
  'cascade-trail-runners',
  'merino-base-layer',
  'basecamp-backpack-40l',
  'daypack-22l',
  'wool-hiking-socks',
  'packable-puffer-vest',
  'canyon-hiking-pants',
  'insulated-beanie',
  'waterproof-gloves',
  'sun-hoodie-upf50',
] as const;

export const COLLECTIONS = ['jackets', 'footwear', 'base-layers', 'backpacks', 'accessories', 'new-arrivals', 'sale'] as const;

export const BLOG_POSTS = [
  'layering-guide-for-cold-hikes',
  'best-day-hikes-this-season',
  'how-to-waterproof-your-boots',
  'weekend-backpacking-packing-list',
] as const;

/** Products whose page embeds a video, and the video's id. */
export const PRODUCT_VIDEOS: Readonly<Record<string, string>> = {
  'ridgeline-rain-jacket': 'vid_ridgeline_storm_test',
  'granite-hiking-boots': 'vid_granite_boot_breakin',
  'basecamp-backpack-40l': 'vid_basecamp_fit_guide',
};

export const CART_PATH = '/cart';
export const CHECKOUT_PATH = '/checkout';
export const THANK_YOU_PATH = '/checkout/thank-you';
export const SIGNUP_PATH = '/account/signup';
export const GIFTING_PATH = '/corporate-gifts';

export const productPaths: readonly string[] = PRODUCTS.map((slug) => `/products/${slug}`);
export const collectionPaths: readonly string[] = COLLECTIONS.map((slug) => `/collections/${slug}`);
export const blogPaths: readonly string[] = BLOG_POSTS.map((slug) => `/blog/${slug}`);

const titles = new Map<string, string>();

/** Page title as the shop's theme renders it. */
export function pageTitle(path: string): string {
  let title = titles.get(path);
  if (title === undefined) titles.set(path, (title = renderTitle(path)));
  return title;
}

function renderTitle(path: string): string {
  if (path === '/') return `${SHOP_NAME} – Outdoor Apparel & Gear`;
  const fixed: Record<string, string> = {
    [CART_PATH]: 'Your Cart',
    [CHECKOUT_PATH]: 'Checkout',
    [THANK_YOU_PATH]: 'Thank You for Your Order',
    [SIGNUP_PATH]: 'Create an Account',
    [GIFTING_PATH]: 'Corporate & Team Gifts',
    '/about': 'Our Story',
  };
  const slug = path.slice(path.lastIndexOf('/') + 1);
  const name = fixed[path] ?? slug.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
  return `${name} | ${SHOP_NAME}`;
}

/** Weighted referrer hosts per non-paid arrival. */
export const SEARCH_REFERRERS = {
  items: ['https://www.google.com/', 'https://www.bing.com/', 'https://duckduckgo.com/'],
  weights: [80, 12, 8],
} as const;
export const SOCIAL_REFERRERS = {
  items: ['https://l.facebook.com/', 'https://www.instagram.com/', 'https://www.pinterest.com/'],
  weights: [45, 40, 15],
} as const;
export const BLOG_REFERRERS = {
  items: [
    'https://www.outdoorgearlab.com/topics/clothing-womens/best-rain-jacket',
    'https://trailjournal.example.org/2024/gear-we-loved',
    'https://www.switchbacktravel.com/best-hiking-boots',
    'https://ultralightblog.example.net/packing-list',
  ],
  weights: [35, 25, 25, 15],
} as const;

export type Device = 'mobile' | 'desktop' | 'tablet';
export const DEVICES: readonly Device[] = ['mobile', 'desktop', 'tablet'];
export const DEVICE_WEIGHTS: readonly number[] = [58, 36, 6];

export const USER_AGENTS: Readonly<Record<Device, readonly string[]>> = {
  mobile: [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Mobile Safari/537.36',
    'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Mobile Safari/537.36',
  ],
  desktop: [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:124.0) Gecko/20100101 Firefox/124.0',
  ],
  tablet: [
    'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  ],
};

/** Crawlers that Beacon's bot filter is expected to recognise. */
export const BOT_USER_AGENTS: readonly string[] = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)',
];

export const COUNTRIES: readonly string[] = ['US', 'CA', 'GB', 'DE', 'AU', 'NL', 'FR'];
export const COUNTRY_WEIGHTS: readonly number[] = [68, 12, 7, 4, 4, 3, 2];

/** Organic social posts the brand published; social events point at them. */
export const SOCIAL_POSTS: readonly { id: string; network: string }[] = [
  { id: 'post_ig_fall_layers', network: 'instagram' },
  { id: 'post_ig_trail_sunrise', network: 'instagram' },
  { id: 'post_fb_rain_test', network: 'facebook' },
  { id: 'post_fb_store_event', network: 'facebook' },
  { id: 'post_pin_packing_list', network: 'pinterest' },
];
