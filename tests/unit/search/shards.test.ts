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
