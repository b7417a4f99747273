/** Which search shard each paper goes to (src/search/shards.ts). */
import { describe, expect, it } from 'vitest';
import { newestShardsToSearch, shardPapers } from '../../../src/search/shards.ts';

const paper = (slug: string, firstSeen: string) => ({ slug, firstSeen });
const slugs = (shards: Array<Array<{ slug: string }>>) => shards.map((s) => s.map((p) => p.slug));

describe('cutting the papers into shards', () => {
  const archive = [paper('c', '2025-01-02'), paper('a', '2025-01-01'), paper('d', '2025-01-03'), paper('b', '2025-01-01'), paper('e', '2025-01-03')];

  it('orders papers by the day they were first listed, then slug, in slices of a fixed size', () => {
    expect(slugs(shardPapers(archive, 2))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('puts the papers of a new day after all others, leaving the full shards as they were', () => {
    const before = shardPapers(archive, 2);
    const after = shardPapers([...archive, paper('aa-new', '2025-01-04'), paper('zz-new', '2025-01-04')], 2);
    expect(slugs(after).slice(0, 2)).toEqual(slugs(before).slice(0, 2));
    expect(slugs(after).slice(2)).toEqual([['e', 'aa-new'], ['zz-new']]);
  });

  it('cuts the papers after the last full shard into halves of a shard, then the rest', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => paper(`p${String(i).padStart(3, '0')}`, '2025-01-01'));
    expect(shardPapers(many(16 + 15), 16).map((s) => s.length)).toEqual([16, 8, 4, 2, 1]);
    expect(shardPapers(many(16 + 7), 16).map((s) => s.length)).toEqual([16, 4, 2, 1]);
    expect(shardPapers(many(32 + 11), 16).map((s) => s.length)).toEqual([16, 16, 8, 2, 1]);
    // No full shard yet: one shard, as a small archive is searched best.
    expect(shardPapers(many(15), 16).map((s) => s.length)).toEqual([15]);
  });

  it('indexes a few hundred papers for a day of 50 on average, not half a full shard', () => {
    // 320 days of 50 new papers after 30,000: the papers of the shards each day changes.
    const day = (d: number) => `2020-01-01+${String(d).padStart(4, '0')}`;
    let papers = Array.from({ length: 30000 }, (_, i) => paper(`p${i}`, day(Math.floor(i / 50))));
    const layout = () => shardPapers(papers).map((s) => s.map((p) => p.slug).join());
    let before = layout();
    const changed: number[] = [];
    for (let d = 0; d < 320; d++) {
      papers = [...papers, ...Array.from({ length: 50 }, (_, i) => paper(`new-${d}-${i}`, day(1000 + d)))];
      const after = layout();
      changed.push(after.reduce((n, shard, i) => n + (shard === before[i] ? 0 : shard.split(',').length), 0));
      before = after;
    }
    const mean = changed.reduce((a, b) => a + b, 0) / changed.length;
    expect(mean).toBeLessThan(500);
    // Most days touch only the newest, smallest shard.
    expect(changed.filter((n) => n <= 500).length / changed.length).toBeGreaterThan(0.85);
    expect(Math.max(...changed)).toBe(8000);
  });

  it('takes a size that is not a whole number of papers as the default or its whole part', () => {
    expect(slugs(shardPapers(archive, 0))).toEqual([['a', 'b', 'c', 'd', 'e']]);
    expect(slugs(shardPapers(archive, -3))).toEqual([['a', 'b', 'c', 'd', 'e']]);
    expect(slugs(shardPapers(archive, 2.5))).toEqual(slugs(shardPapers(archive, 2)));
  });

  it('gives no shard for no papers', () => {
    expect(shardPapers([], 2)).toEqual([]);
  });
});

describe('the shards a search starts with', () => {
  const shards = (...papers: number[]) => papers.map((n) => ({ papers: n }));

  it('is the newest shard when it holds at least half a full shard', () => {
    expect(newestShardsToSearch(shards(8000, 8000, 8000, 6000))).toBe(1);
    expect(newestShardsToSearch(shards(8000, 8000, 4000))).toBe(1);
  });

  it('adds the shard before while the newest is nearly empty', () => {
    expect(newestShardsToSearch(shards(8000, 8000, 50))).toBe(2);
    expect(newestShardsToSearch(shards(8000, 1, 1, 1))).toBe(4);
  });

  it('is every shard when the entry does not count their papers', () => {
    expect(newestShardsToSearch([{ papers: 8000 }, {}, { papers: 10 }])).toBe(3);
  });

  it('is the only shard of a small archive, and none of an empty one', () => {
    expect(newestShardsToSearch(shards(900))).toBe(1);
    expect(newestShardsToSearch(shards(0))).toBe(1);
    expect(newestShardsToSearch([])).toBe(0);
  });
});
