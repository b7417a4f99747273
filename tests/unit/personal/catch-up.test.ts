import { describe, expect, it } from 'vitest';
import { CATCH_UP_MAX_DAYS, catchUp, caughtUp, daysToRead } from '../../../src/personal/catch-up.ts';
import type { DayPaper } from '../../../src/personal/day-file.ts';

const p = (slug: string, day: string, over: Partial<DayPaper> = {}): DayPaper => ({
  slug, title: slug.toUpperCase(), topics: [], org: null, firstListed: day, upvotes: null, appearances: 1, words: '', day, rank: 1, ...over,
});

describe('daysToRead', () => {
  it('takes the days after the last visit, newest first', () => {
    expect(daysToRead(['2026-01-08', '2026-01-05', '2025-12-11'], '2025-12-11')).toEqual({ days: ['2026-01-08', '2026-01-05'], cut: false });
  });

  it('stops at the limit and says so', () => {
    const days = Array.from({ length: CATCH_UP_MAX_DAYS + 3 }, (_, i) => `2026-02-${String(28 - i).padStart(2, '0')}`);
    const { days: read, cut } = daysToRead(days, '2020-01-01');
    expect(read).toEqual(days.slice(0, CATCH_UP_MAX_DAYS));
    expect(cut).toBe(true);
  });
});

describe('catchUp', () => {
  it('lists each paper first listed since the last visit once, with the newest day’s facts', () => {
    const papers = [
      p('old', '2026-01-08', { firstListed: '2025-12-11' }),
      p('twice', '2026-01-05', { upvotes: 3 }),
      p('twice', '2026-01-08', { firstListed: '2026-01-05', upvotes: 9, appearances: 2 }),
      p('new', '2026-01-08', { upvotes: 5 }),
    ];
    const list = catchUp(papers, '2025-12-11');
    expect(list.map((x) => [x.slug, x.upvotes, x.appearances])).toEqual([
      ['twice', 9, 2],
      ['new', 5, 1],
    ]);
  });

  it('ranks by upvotes, then by days listed, then newest first listed', () => {
    const list = catchUp(
      [p('a', '2026-01-08', { upvotes: 2 }), p('b', '2026-01-08', { upvotes: 2, appearances: 3, firstListed: '2026-01-02' }), p('c', '2026-01-08'), p('d', '2026-01-08', { upvotes: 40 }), p('e', '2026-01-08', { upvotes: 2 })],
      '2026-01-01',
    );
    expect(list.map((x) => x.slug)).toEqual(['d', 'b', 'a', 'e', 'c']);
  });

  it('is empty when nothing is newer than the last visit', () => {
    expect(catchUp([p('a', '2026-01-08')], '2026-01-08')).toEqual([]);
  });
});

describe('caughtUp', () => {
  it('moves the last visit to the newest day', () => {
    expect(caughtUp({ last: '2025-12-11', current: '2026-01-08' })).toEqual({ last: '2026-01-08', current: '2026-01-08' });
  });
});
