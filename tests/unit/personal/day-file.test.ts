import { describe, expect, it } from 'vitest';
import { decodeDay, slugFromTitle, type DayFileJson } from '../../../src/personal/day-file.ts';
import { baseSlug } from '../../../src/papers/slug.ts';

describe('slugFromTitle', () => {
  it("agrees with the real slug for ordinary titles, apostrophes and accents included", () => {
    for (const title of ['Instant3D: Instant Text-to-3D Generation', "Google's Neural Machine Translation", 'Café  au   lait — a study', '  --Edge--  ']) {
      expect(slugFromTitle(title)).toBe(baseSlug(title));
    }
  });

  it('cuts long titles where the real slug does', () => {
    const title = 'A Very Long Title That Goes On And On About Large Language Models And Their Many Many Uses In Practice';
    expect(slugFromTitle(title)).toBe(baseSlug(title));
  });
});

describe('decodeDay', () => {
  const file: DayFileJson = {
    v: 1,
    day: '2026-01-08',
    topics: ['vision', 'language-models'],
    papers: [
      ['Seeing Things', 0, [0], 0, 0, 12, 1, 'pixels'],
      ['Talking Things', 'talking-things-2', [1, 0], 'Z.ai', '2026-01-05', null, 2, ''],
    ],
  };

  it('restores slugs, topics, organisation, first day and rank', () => {
    expect(decodeDay(file)).toEqual([
      { slug: 'seeing-things', title: 'Seeing Things', topics: ['vision'], org: null, firstListed: '2026-01-08', upvotes: 12, appearances: 1, words: 'pixels', day: '2026-01-08', rank: 1 },
      { slug: 'talking-things-2', title: 'Talking Things', topics: ['language-models', 'vision'], org: 'Z.ai', firstListed: '2026-01-05', upvotes: null, appearances: 2, words: '', day: '2026-01-08', rank: 2 },
    ]);
  });

  it('refuses a file of another version or shape', () => {
    expect(() => decodeDay({ ...file, v: 2 })).toThrow(/not a digest day file/);
    expect(() => decodeDay('<html>')).toThrow(/not a digest day file/);
  });
});
