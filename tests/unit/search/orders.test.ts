import { describe, expect, it } from 'vitest';
import { orderFile, ranksOfOrderFile, searchOrders } from '../../../src/search/orders.ts';

const paper = (slug: string, sortDate: string, upvotes: number | null) => ({ slug, sortDate, upvotes });

describe('searchOrders', () => {
  const papers = [
    paper('old-popular', '2024-01-02', 90),
    paper('new-quiet', '2025-06-01', null),
    paper('new-popular', '2025-06-01', 40),
    paper('mid', '2024-11-30', 40),
    paper('a-tie', '2024-11-30', 40),
  ];

  it('newest: by date, then more upvotes, then slug', () => {
    expect(searchOrders(papers).newest).toEqual(['new-popular', 'new-quiet', 'a-tie', 'mid', 'old-popular']);
  });

  it('upvotes: most first (none counts as 0), ties newest first, then slug', () => {
    expect(searchOrders(papers).upvotes).toEqual(['old-popular', 'new-popular', 'a-tie', 'mid', 'new-quiet']);
  });

  it('does not depend on the order papers come in', () => {
    expect(searchOrders([...papers].reverse())).toEqual(searchOrders(papers));
  });
});

describe('order files', () => {
  it('list the ids of the slugs in order, leaving out papers the index lacks, and rank them back from 0', () => {
    const ids = new Map([['b', 'en_bbb'], ['a', 'en_aaa']]);
    const text = orderFile(['b', 'missing', 'a'], ids);
    expect(text).toBe('en_bbb\nen_aaa');
    expect([...ranksOfOrderFile(text)]).toEqual([['en_bbb', 0], ['en_aaa', 1]]);
    expect(ranksOfOrderFile('').size).toBe(0);
  });
});
