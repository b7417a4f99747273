/** `/topics/<topic>/rss.xml`: a topic's newest papers. */
import rss from '@astrojs/rss';
import type { APIContext, GetStaticPaths } from 'astro';
import { SITE_NAME } from '../../../config.ts';
import { allTopics } from '../../../data/topics.ts';
import { escapeHtml } from '../../../site/render-text.ts';
import { excerpt } from '../../../utils/excerpt.ts';
import type { TopicGroup } from '../../../analysis/topic-groups.ts';

const FEED_ITEMS = 50;

export const getStaticPaths = (async () => {
  const topics = (await allTopics()).filter((t) => t.papers.length > 0);
  return topics.map((topic) => ({ params: { topic: topic.slug }, props: { topic } }));
}) satisfies GetStaticPaths;

export async function GET(context: APIContext) {
  const { topic } = context.props as { topic: TopicGroup };
  const base = import.meta.env.BASE_URL;
  return rss({
    title: `${SITE_NAME}: ${topic.name}`,
    description: topic.description || `New papers on ${topic.name}.`,
    site: new URL(base, context.site),
    items: topic.papers.slice(0, FEED_ITEMS).map((p) => ({
      title: p.title,
      link: `${base}papers/${p.slug}/`,
      pubDate: new Date(`${p.sortDate}T12:00:00Z`),
      // Feed readers read a description as HTML: escaped, listing text shows as the text it is.
      description: escapeHtml(excerpt(p.abstract, 500)),
    })),
  });
}
