/** Topic pages: every topic the taxonomy knows or a paper carries, with its papers latest listed first. */
import { byLatestListed, type PaperView } from '../papers/view.ts';

export interface TopicLabel {
  slug: string;
  name: string;
  description: string;
}

export interface TopicGroup extends TopicLabel {
  papers: PaperView[];
}

/**
 * Groups papers by topic, in the taxonomy's order; topics a paper carries that the
 * taxonomy does not know (hand-set, or from an older taxonomy) follow, named from their slug.
 */
export function groupByTopic(papers: PaperView[], labels: TopicLabel[]): TopicGroup[] {
  const groups = new Map<string, TopicGroup>(labels.map((l) => [l.slug, { ...l, papers: [] }]));
  for (const paper of papers) {
    for (const slug of paper.topics) {
      let group = groups.get(slug);
      if (!group) groups.set(slug, (group = { slug, name: nameFromSlug(slug), description: '', papers: [] }));
      group.papers.push(paper);
    }
  }
  for (const group of groups.values()) group.papers.sort(byLatestListed);
  return [...groups.values()];
}

export function nameFromSlug(slug: string): string {
  const words = slug.split('-').filter(Boolean);
  return words.map((w, i) => (i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' ');
}
