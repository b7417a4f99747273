/** `/og/<slug>.png`: the link-preview image of a paper page (off with OG_IMAGES=off). */
import type { APIContext, GetStaticPaths } from 'astro';
import { allPapers } from '../../data/papers.ts';
import { topicLabel } from '../../data/topics.ts';
import { formatDay } from '../../lib/format-date.ts';
import { ogImage, ogImagesEnabled } from '../../lib/og-image.ts';
import type { PaperView } from '../../lib/paper-view.ts';

export const getStaticPaths = (async () => {
  if (!ogImagesEnabled()) return [];
  return (await allPapers()).map((paper) => ({ params: { slug: paper.slug }, props: { paper } }));
}) satisfies GetStaticPaths;

export async function GET({ props }: APIContext) {
  const { paper } = props as { paper: PaperView };
  const topics = await Promise.all(paper.topics.map(async (t) => (await topicLabel(t)).name));
  const date = paper.published ? `Published ${formatDay(paper.published)}` : `In the digest of ${formatDay(paper.firstSeen)}`;
  const png = await ogImage({ title: paper.title, topics, date, siteName: 'Paper Digest' });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
