/** `/og/<slug>.png`: the link-preview image of a paper page (off with OG_IMAGES=off). */
import type { APIContext, GetStaticPaths } from 'astro';
import { papersWithPages } from '../../data/papers.ts';
import { pageCacheKey } from '../../data/cache-key.ts';
import { topicLabel } from '../../data/topics.ts';
import { paperDate } from '../../utils/format-date.ts';
import { env, SITE_NAME } from '../../config.ts';
import { ogImage } from '../../site/og-image.ts';
import type { PaperView } from '../../papers/view.ts';

export const getStaticPaths = (async () => {
  if (!env.ogImages()) return [];
  // What the card shows; og-image.ts caches the drawing by the same facts.
  return Promise.all((await papersWithPages()).map(async (paper) => ({ params: { slug: paper.slug }, props: { paper }, cacheKey: await pageCacheKey({ og: paper }) })));
}) satisfies GetStaticPaths;

export async function GET({ props }: APIContext) {
  const { paper } = props as { paper: PaperView };
  const topics = await Promise.all(paper.topics.map(async (t) => (await topicLabel(t)).name));
  const { day, firstListed } = paperDate(paper);
  const date = `${firstListed ? 'First listed' : 'Published'} ${day}`;
  const png = await ogImage({ title: paper.title, topics, date, siteName: SITE_NAME });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
