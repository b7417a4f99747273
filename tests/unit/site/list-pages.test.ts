/** Lists in pages numbered from the oldest (src/site/list-pages.ts): a page keeps its items as the list grows. */
import { describe, expect, it } from 'vitest';
import { BY_LISTING, olderPapersNote, pagesFromOldest, type ListPage } from '../../../src/site/list-pages.ts';

/** Items 1 (oldest) to n, given newest first, as lists arrive. */
const list = (n: number) => Array.from({ length: n }, (_, i) => n - i);
const byNumber = <T,>(pages: Array<ListPage<T>>) => new Map(pages.map((p) => [p.number, p]));

describe('pages numbered from the oldest', () => {
  it('puts every item on exactly one page, newest first within a page and across pages', () => {
    for (const n of [0, 1, 3, 4, 5, 7, 8, 9, 23]) {
      const pages = pagesFromOldest(list(n), 4);
      const newestFirst = [...pages].reverse().flatMap((p) => p.items);
      expect(newestFirst, `${n} items`).toEqual(list(n));
    }
  });

  it('shows the newest full page and what follows it at the list address, the older ones numbered from the oldest', () => {
    const pages = pagesFromOldest(list(11), 4);
    expect(pages.map((p) => [p.number, p.items])).toEqual([
      [1, [4, 3, 2, 1]],
      [null, [11, 10, 9, 8, 7, 6, 5]],
    ]);
    expect(pagesFromOldest(list(3), 4).map((p) => [p.number, p.items])).toEqual([[null, [3, 2, 1]]]);
  });

  it('numbers each item by its place from the oldest and links each page to its neighbours', () => {
    const pages = byNumber(pagesFromOldest(list(13), 4));
    expect([...pages.keys()]).toEqual([1, 2, null]);
    expect(pages.get(1)).toMatchObject({ first: 4, newer: 2 });
    expect(pages.get(1)!.older).toBeUndefined();
    expect(pages.get(2)).toMatchObject({ first: 8, newer: null, older: 1 });
    expect(pages.get(null)).toMatchObject({ first: 13, older: 2 });
    expect(pages.get(null)!.newer).toBeUndefined();
  });

  it('leaves every numbered page as it was when newer items arrive, but the one that was just older than the newest', () => {
    for (let n = 0; n < 40; n++) {
      const before = byNumber(pagesFromOldest(list(n), 4));
      const after = byNumber(pagesFromOldest(list(n + 1), 4));
      const changed = [...before].filter(([number, page]) => number !== null && JSON.stringify(after.get(number)) !== JSON.stringify(page)).map(([number]) => number);
      // Only when the newest page hands a page on does the previous one's "newer" link change.
      expect(changed.length, `${n} → ${n + 1}`).toBeLessThanOrEqual(1);
      if (changed.length === 1) expect(after.get(changed[0]!)!.items).toEqual(before.get(changed[0]!)!.items);
    }
  });
});

describe('what an older page says it holds', () => {
  it('names the oldest papers as such and the others by their places from the oldest', () => {
    const [first, second] = pagesFromOldest(list(75), 25);
    expect(olderPapersNote(first!, 'topic')).toBe("The topic's 25 oldest papers, newest first");
    expect(olderPapersNote(second!, 'month')).toBe('Papers 26 to 50 of the month, counted from its oldest, newest first');
  });

  it("says a list in the digests' order holds its first listed papers, latest listed first", () => {
    const [first, second] = pagesFromOldest(list(75), 25);
    expect(olderPapersNote(first!, 'topic', BY_LISTING)).toBe("The topic's 25 first listed papers, latest listed first");
    expect(olderPapersNote(second!, 'topic', BY_LISTING)).toBe('Papers 26 to 50 of the topic, counted from its first listed, latest listed first');
  });
});
