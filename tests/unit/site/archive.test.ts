import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../../src/site/archive.ts';
import { pagesFromOldest } from '../../../src/site/list-pages.ts';
import type { PaperView } from '../../../src/papers/view.ts';

const paper = (slug: string, firstSeen: string, published: string | null, upvotes: number | null = null) =>
  ({ slug, firstSeen, published, sortDate: published ?? firstSeen, upvotes, topics: [] }) as unknown as PaperView;
const slugs = (papers: PaperView[]) => papers.map((p) => p.slug);

describe('buildArchive', () => {
  it('files each paper under its publication month, or its first listing lacking one, months newest first', () => {
    const months = buildArchive([paper('a', '2025-03-02', '2025-02-27'), paper('b', '2025-03-03', null), paper('c', '2025-03-04', '2024-11-30')]);
    expect(months.map((m) => [`${m.year}-${m.month}`, slugs(m.papers)])).toEqual([
      ['2025-03', ['b']],
      ['2025-02', ['a']],
      ['2024-11', ['c']],
    ]);
  });

  it("lists a month's papers latest listed first, then newest published first, then by upvotes and slug", () => {
    const papers = [
      paper('listed-early-published-late', '2025-03-02', '2025-02-27'),
      paper('listed-late-published-early', '2025-03-20', '2025-02-02'),
      paper('listed-early-published-early', '2025-03-02', '2025-02-03', 4),
      paper('listed-early-published-early-popular', '2025-03-02', '2025-02-03', 9),
    ];
    const [february] = buildArchive(papers);
    expect(slugs(february!.papers)).toEqual(['listed-late-published-early', 'listed-early-published-late', 'listed-early-published-early-popular', 'listed-early-published-early']);
    expect(slugs(buildArchive([...papers].reverse())[0]!.papers)).toEqual(slugs(february!.papers));
  });

  it('keeps every older page of a month when a day lists papers published before the ones on it', () => {
    const days = Array.from({ length: 28 }, (_, d) => `2025-02-${String(d + 1).padStart(2, '0')}`);
    const before = days.flatMap((day, d) => [0, 1, 2].map((i) => paper(`p${d}-${i}`, day, `2025-01-${String(((d * 7 + i * 11) % 28) + 1).padStart(2, '0')}`)));
    const nextDay = [0, 1, 2, 3].map((i) => paper(`next-${i}`, '2025-03-01', `2025-01-0${i + 1}`));
    const pages = (papers: PaperView[]) => pagesFromOldest(buildArchive(papers)[0]!.papers, 10).filter((p) => p.number !== null);
    const older = pages(before);
    expect(older.length).toBeGreaterThan(3);
    const after = new Map(pages([...before, ...nextDay]).map((p) => [p.number, slugs(p.items)]));
    for (const page of older) expect(after.get(page.number)).toEqual(slugs(page.items));
  });
});
