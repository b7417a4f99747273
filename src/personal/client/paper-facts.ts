/**
 * What the page shows of a paper, read from its markup: an element carrying `data-paper="<slug>"`
 * (a card, or the paper page's article) with the title as its first heading, the date as its first
 * `<time datetime>` and the topics as links to `/topics/<slug>/`. Saving keeps these, so the
 * Saved page lists papers without loading anything.
 */
import type { SavedPaper } from '../schema.ts';

export function paperElements(root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-paper]')];
}

export function paperFacts(element: HTMLElement, savedAt: number): SavedPaper {
  const topics = [...element.querySelectorAll<HTMLAnchorElement>('a[href*="/topics/"]')].map((a) => /\/topics\/([^/]+)\/$/.exec(a.pathname)?.[1] ?? '');
  return {
    slug: element.dataset.paper!,
    title: element.querySelector('h1, h2, h3')?.textContent?.trim() || element.dataset.paper!,
    topics: [...new Set(topics.filter(Boolean))],
    date: element.querySelector('time[datetime]')?.getAttribute('datetime')?.slice(0, 10) ?? null,
    savedAt,
  };
}
