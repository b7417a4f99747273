/** What every feed endpoint shares: absolute URLs on the configured site, topic names, the channel's self link. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { SITE_NAME } from '../config.ts';
import type { FeedContext, FeedItem } from '../site/feeds.ts';
import { escapeHtml } from '../site/render-text.ts';
import { allTopics } from './topics.ts';
import { nameFromSlug } from '../analysis/topic-groups.ts';

export async function feedContext(context: APIContext): Promise<FeedContext> {
  const names = new Map((await allTopics()).map((t) => [t.slug, t.name]));
  const base = import.meta.env.BASE_URL;
  return {
    url: (path) => new URL(`${base}${path}`, context.site).href,
    topicName: (slug) => names.get(slug) ?? nameFromSlug(slug),
  };
}

/** An RSS 2.0 response with the channel's own address (`atom:link rel="self"`), as feed validators ask. */
export function feedResponse(site: FeedContext, channel: { title: string; description: string; path: string }, items: FeedItem[]) {
  return rss({
    title: `${SITE_NAME}: ${channel.title}`,
    description: channel.description,
    site: site.url(''),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>en</language><atom:link href="${escapeHtml(site.url(channel.path))}" rel="self" type="application/rss+xml"/>`,
    items,
  });
}
