/** `/rss.xml`: one item per digest day, newest first. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { SITE_NAME } from '../config.ts';
import { allDigests } from '../data/papers.ts';
import { formatLongDay } from '../utils/format-date.ts';
import { escapeHtml } from '../site/render-text.ts';

const FEED_DAYS = 30;

export async function GET(context: APIContext) {
  const base = import.meta.env.BASE_URL;
  const digests = (await allDigests()).slice(0, FEED_DAYS);
  return rss({
    title: `${SITE_NAME}: daily digests`,
    description: 'A new item for every daily digest of research papers.',
    site: new URL(base, context.site),
    items: digests.map((d) => ({
      title: `Digest for ${formatLongDay(d.date)}: ${d.entries.length} papers`,
      link: `${base}digests/${d.date}/`,
      pubDate: new Date(`${d.date}T12:00:00Z`),
      // Feed readers read a description as HTML: escaped, listing text shows as the text it is.
      description: escapeHtml(d.entries.slice(0, 10).map((e) => e.paper.title).join(' · ')),
    })),
  });
}
