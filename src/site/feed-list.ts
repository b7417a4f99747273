/** The site's feeds, so every page names them (`<link rel="alternate">`) and /feeds/ lists them. */

export interface FeedLink {
  /** What the feed brings, after the site's name: "Paper Digest: new digest days". */
  title: string;
  /** Site-relative path (without the base path). */
  path: string;
}

export const SITE_FEEDS: readonly FeedLink[] = [
  { title: 'new digest days', path: 'rss.xml' },
  { title: 'every new paper', path: 'papers/rss.xml' },
];

export function topicFeed(topic: { slug: string; name: string }): FeedLink {
  return { title: topic.name, path: `topics/${topic.slug}/rss.xml` };
}
