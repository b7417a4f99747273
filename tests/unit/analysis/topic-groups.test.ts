import { describe, expect, it } from 'vitest';
import { groupByTopic } from '../../../src/analysis/topic-groups.ts';
import { pagesFromOldest } from '../../../src/site/list-pages.ts';
import type { PaperView } from '../../../src/papers/view.ts';

const paper = (slug: string, firstSeen: string, published: string | null, upvotes: number | null = null) =>
  ({ slug, firstSeen, published, sortDate: published ?? firstSeen, upvotes, topics: ['vision'] }) as unknown as PaperView;
const labels = [{ slug: 'vision', name: 'Vision', description: '' }];
const slugs = (papers: PaperView[]) => papers.map((p) => p.slug);

describe('groupByTopic', () => {
  it("lists a topic's papers latest listed first, then newest published first, then by upvotes and slug", () => {
    const papers = [
      paper('old-listed-new-paper', '2025-01-02', '2025-01-01'),
      paper('listed-today-published-2019', '2025-03-01', '2019-05-05'),
      paper('listed-today-recent', '2025-03-01', '2025-02-27', 3),
      paper('listed-today-recent-popular', '2025-03-01', '2025-02-27', 9),
      paper('listed-between', '2025-02-01', null),
    ];
    const [vision] = groupByTopic(papers, labels);
    expect(slugs(vision!.papers)).toEqual(['listed-today-recent-popular', 'listed-today-recent', 'listed-today-published-2019', 'listed-between', 'old-listed-new-paper']);
    expect(slugs(groupByTopic([...papers].reverse(), labels)[0]!.papers)).toEqual(slugs(vision!.papers));
  });

  it('keeps every older page of a topic when a day lists papers published long before the ones on it', () => {
    const days = Array.from({ length: 30 }, (_, d) => `2025-01-${String(d + 1).padStart(2, '0')}`);
    const before = days.flatMap((day, d) => [0, 1, 2].map((i) => paper(`p${d}-${i}`, day, `2024-12-${String(((d * 7 + i * 11) % 28) + 1).padStart(2, '0')}`)));
    const nextDay = [0, 1, 2, 3].map((i) => paper(`next-${i}`, '2025-01-31', `20${10 + i}-06-01`));
    const pages = (papers: PaperView[]) => pagesFromOldest(groupByTopic(papers, labels)[0]!.papers, 10).filter((p) => p.number !== null);
    const older = pages(before);
    expect(older.length).toBeGreaterThan(3);
    const after = new Map(pages([...before, ...nextDay]).map((p) => [p.number, slugs(p.items)]));
    for (const page of older) expect(after.get(page.number)).toEqual(slugs(page.items));
  });
});
