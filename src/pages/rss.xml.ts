/** `/rss.xml`: one item per digest day, newest first, each linking every paper of the day. */
import type { APIContext } from 'astro';
import { FEED_WINDOW } from '../config.ts';
import { allDigests } from '../data/papers.ts';
import { feedContext, feedResponse } from '../data/feeds.ts';
import { dayFeedItem } from '../site/feeds.ts';

export async function GET(context: APIContext) {
  const site = await feedContext(context);
  const digests = (await allDigests()).slice(0, FEED_WINDOW.days);
  return feedResponse(site, { title: 'new digest days', description: 'An item for every daily digest of research papers, linking each of its papers.', path: 'rss.xml' }, digests.map((d) => dayFeedItem(d, site)));
}
