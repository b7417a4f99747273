/** `/topics/<topic>/rss.xml`: every paper of a topic in the latest digest days, newest first-listed first. */
import type { APIContext, GetStaticPaths } from 'astro';
import { FEED_WINDOW } from '../../../config.ts';
import { allDigests } from '../../../data/papers.ts';
import { allTopics } from '../../../data/topics.ts';
import { feedContext, feedResponse } from '../../../data/feeds.ts';
import { feedPapers, paperFeedItem } from '../../../site/feeds.ts';
import type { TopicGroup } from '../../../analysis/topic-groups.ts';

export const getStaticPaths = (async () => {
  const topics = (await allTopics()).filter((t) => t.papers.length > 0);
  return topics.map((topic) => ({ params: { topic: topic.slug }, props: { topic } }));
}) satisfies GetStaticPaths;

export async function GET(context: APIContext) {
  const { topic } = context.props as { topic: TopicGroup };
  const [site, digests] = await Promise.all([feedContext(context), allDigests()]);
  const items = feedPapers(topic.papers, digests, FEED_WINDOW).map((p) => paperFeedItem(p, site));
  return feedResponse(site, { title: topic.name, description: topic.description || `New papers on ${topic.name}.`, path: `topics/${topic.slug}/rss.xml` }, items);
}
