/**
 * What the feeds hold. A feed must not drop what a reader would have seen on the site: the
 * paper feeds (every paper, and each topic's) hold every paper listed in the latest digest
 * days, however many a day has, newest first-listed first; the site feed has an item per day
 * that links every paper of it.
 */
import type { PaperView } from '../papers/view.ts';
import { dayPagePath, type Digest } from './digests.ts';
import { formatLongDay } from '../utils/format-date.ts';
import { escapeHtml } from './render-text.ts';
import { excerpt } from '../utils/excerpt.ts';

export interface FeedWindow {
  /** Papers listed on any of the latest this-many digest days are all in the feed. */
  days: number;
  /** A feed with fewer is topped up with the next newest papers, so a quiet topic's feed is not empty. */
  minItems: number;
}

/**
 * The papers a feed holds, newest first-listed first, and within a day in the day's order.
 * @param papers the papers the feed is about (a topic's, or all)
 * @param digests every digest, newest first
 */
export function feedPapers(papers: readonly PaperView[], digests: readonly Digest[], window: FeedWindow): PaperView[] {
  const recent = new Set(digests.slice(0, window.days).map((d) => d.date));
  const position = positionsOnFirstDay(digests);
  const ordered = [...papers].sort((a, b) => b.firstSeen.localeCompare(a.firstSeen) || (position.get(a.slug) ?? 0) - (position.get(b.slug) ?? 0) || a.slug.localeCompare(b.slug));
  const inWindow = ordered.filter((p) => p.days.some((d) => recent.has(d)));
  if (inWindow.length >= window.minItems) return inWindow;
  const taken = new Set(inWindow);
  for (const paper of ordered) {
    if (taken.size >= window.minItems) break;
    taken.add(paper);
  }
  return ordered.filter((p) => taken.has(p));
}

const positions = new WeakMap<readonly Digest[], Map<string, number>>();

/**
 * Each paper's position in the digest of the day it was first listed; worked out once for a
 * list of digests, which every topic's feed shares (0.2 s a build at 30,000 papers otherwise).
 */
function positionsOnFirstDay(digests: readonly Digest[]): Map<string, number> {
  let position = positions.get(digests);
  if (position) return position;
  positions.set(digests, (position = new Map()));
  // Oldest day last in `digests`: walking it backwards, the first day seen is the first listing.
  for (const digest of [...digests].reverse()) {
    digest.entries.forEach((entry, i) => {
      if (!position.has(entry.paper.slug)) position.set(entry.paper.slug, i + 1);
    });
  }
  return position;
}

/** An item as @astrojs/rss takes it. */
export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  /** Plain text, HTML-escaped: feed readers read a description as HTML. */
  description: string;
  /** HTML (`content:encoded`). */
  content?: string;
  categories?: string[];
}

/** What the feed pages need to know of the site. */
export interface FeedContext {
  /** The absolute URL of a site path: `url('papers/x/')`. */
  url: (path: string) => string;
  topicName: (slug: string) => string;
}

const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/** A paper as a feed item: dated the day it was first listed, the start of its abstract, its topics as categories. */
export function paperFeedItem(paper: PaperView, site: FeedContext): FeedItem {
  return {
    title: paper.title,
    link: site.url(`papers/${paper.slug}/`),
    pubDate: noon(paper.firstSeen),
    description: escapeHtml(excerpt(paper.abstract, 500)),
    categories: paper.topics.map(site.topicName),
  };
}

/** A digest day as a feed item: its papers in the day's order, every one linked. */
export function dayFeedItem(digest: Digest, site: FeedContext): FeedItem {
  const ranked = digest.entries.some((e) => e.upvotes !== null) ? 'ranked by upvotes' : 'in the order listed';
  const count = `${digest.entries.length} ${digest.entries.length === 1 ? 'paper' : 'papers'}`;
  const rows = digest.entries.map(({ paper, upvotes }) => {
    const facts = [upvotes !== null ? `▲ ${upvotes}` : null, paper.topics.map(site.topicName).join(', ') || null].filter((f) => f !== null);
    return `<li><a href="${escapeHtml(site.url(`papers/${paper.slug}/`))}">${escapeHtml(paper.title)}</a>${facts.length > 0 ? ` · ${escapeHtml(facts.join(' · '))}` : ''}</li>`;
  });
  return {
    title: `Digest for ${formatLongDay(digest.date)}: ${count}`,
    link: site.url(dayPagePath(digest.date)),
    pubDate: noon(digest.date),
    description: escapeHtml(`${count}, ${ranked}. First: ${digest.entries.slice(0, 3).map((e) => e.paper.title).join('; ')}.`),
    content: `<p>${count}, ${ranked}.</p>\n<ol>\n${rows.join('\n')}\n</ol>`,
  };
}
