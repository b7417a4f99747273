/** `/topics/<topic>/rss.xml`: every paper of a topic in the latest digest days, newest first-listed first. */
import type { APIContext, GetStaticPaths } from 'astro';
import { FEED_WINDOW } from '../../../config.ts';
import { allDigests } from '../../../data/papers.ts';
import { allTopics } from '../../../data/topics.ts';
import { pageCacheKey } from '../../../data/cache-key.ts';
import { feedContext, feedResponse } from '../../../data/feeds.ts';
import { feedPapers, paperFeedItem } from '../../../site/feeds.ts';
import type { TopicGroup } from '../../../analysis/topic-groups.ts';
import type { PaperView } from '../../../papers/view.ts';

export const getStaticPaths = (async () => {
  const [topics, digests] = await Promise.all([allTopics(), allDigests()]);
  return Promise.all(
    topics
      .filter((t) => t.papers.length > 0)
      .map(async (topic) => {
        // The feed shows what these props hold and nothing else, so they are its cache key.
        const props = { topic: { slug: topic.slug, name: topic.name, description: topic.description }, papers: feedPapers(topic.papers, digests, FEED_WINDOW) };
        return { params: { topic: topic.slug }, props, cacheKey: await pageCacheKey(props) };
      }),
  );
}) satisfies GetStaticPaths;

export async function GET(context: APIContext) {
  const { topic, papers } = context.props as { topic: Pick<TopicGroup, 'slug' | 'name' | 'description'>; papers: PaperView[] };
  const site = await feedContext(context);
  return feedResponse(site, { title: topic.name, description: topic.description || `New papers on ${topic.name}.`, path: `topics/${topic.slug}/rss.xml` }, papers.map((p) => paperFeedItem(p, site)));
}
