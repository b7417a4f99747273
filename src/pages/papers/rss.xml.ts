/** `/papers/rss.xml`: every paper of the latest digest days, one item each, newest first-listed first. */
import type { APIContext } from 'astro';
import { FEED_WINDOW } from '../../config.ts';
import { allDigests, allPapers } from '../../data/papers.ts';
import { feedContext, feedResponse } from '../../data/feeds.ts';
import { feedPapers, paperFeedItem } from '../../site/feeds.ts';

export async function GET(context: APIContext) {
  const [site, papers, digests] = await Promise.all([feedContext(context), allPapers(), allDigests()]);
  const items = feedPapers(papers, digests, FEED_WINDOW).map((p) => paperFeedItem(p, site));
  return feedResponse(site, { title: 'every new paper', description: 'An item for every paper in the daily digests, as it is first listed.', path: 'papers/rss.xml' }, items);
}
