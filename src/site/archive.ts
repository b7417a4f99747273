/** The publication-date archive: papers by year and month of publication. */
import { byLatestListed, type PaperView } from '../papers/view.ts';

export interface ArchiveMonth {
  /** `YYYY` and `MM`, as they appear in the URL `/archive/YYYY/MM/`. */
  year: string;
  month: string;
  papers: PaperView[];
}

/**
 * Months newest first, each with its papers latest listed first (papers/view.ts: byLatestListed),
 * as topics list theirs: a paper published long ago that a digest lists today heads its month
 * rather than moving every newer page of it. A paper without a known publication date is filed
 * under the month it was first captured; pages say so (`paper.published === null`).
 */
export function buildArchive(papers: PaperView[]): ArchiveMonth[] {
  const months = new Map<string, ArchiveMonth>();
  for (const paper of papers) {
    const key = paper.sortDate.slice(0, 7);
    let month = months.get(key);
    if (!month) months.set(key, (month = { year: key.slice(0, 4), month: key.slice(5, 7), papers: [] }));
    month.papers.push(paper);
  }
  for (const month of months.values()) month.papers.sort(byLatestListed);
  return [...months.values()].sort((a, b) => `${b.year}${b.month}`.localeCompare(`${a.year}${a.month}`));
}
