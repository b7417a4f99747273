import { describe, expect, it } from 'vitest';
import { decodeDay } from '../../../src/personal/day-file.ts';
import { dayFileText, firstSentence, gzippedSize, sentenceWords, writeDayFile } from '../../../src/personal/day-file-write.ts';
import type { Digest } from '../../../src/site/digests.ts';
import { paperSchema } from '../../../src/papers/schema.ts';
import { toPaperView, type PaperView } from '../../../src/papers/view.ts';

interface PaperOptions {
  abstract?: string;
  /** Digest days it was listed on. */
  days?: string[];
  topics?: string[];
  org?: { id: string; name: string };
}

/** A paper as pages see it, from the schema's defaults: what the day file is written from. */
function paper(slug: string, title: string, { abstract = 'We study things. More follows.', days = ['2026-01-08'], ...fields }: PaperOptions = {}): PaperView {
  const data = paperSchema.parse({ title, titleKey: slug, topics: ['vision'], listings: days.map((captureDate) => ({ file: `${captureDate}.txt`, captureDate, rank: 1 })), ...fields });
  return toPaperView({ slug, body: abstract, data });
}

const digest = (papers: PaperView[], date = '2026-01-08'): Digest => ({
  date,
  files: ['x.txt'],
  entries: papers.map((p, i) => ({ paper: p, rank: i + 1, upvotes: i === 0 ? 7 : null })),
});

describe('firstSentence', () => {
  it('ends at a full stop before a capital, and keeps "e.g." and decimals inside', () => {
    expect(firstSentence('We reach 3.5 points, e.g. on MMLU. Then more.')).toBe('We reach 3.5 points, e.g. on MMLU.');
  });

  it('is the whole text when it has one sentence', () => {
    expect(firstSentence('No full stop here')).toBe('No full stop here');
  });
});

describe('sentenceWords', () => {
  it('keeps the first sentence words the title lacks, without stopwords or bare numbers', () => {
    expect(sentenceWords('Diffusion for Video', 'We propose a diffusion model for 3 robotic tasks. Ignored sentence.')).toEqual(['propose', 'model', 'robotic', 'tasks']);
  });
});

describe('writeDayFile', () => {
  it('writes what the browser reads back: slugs, topics, organisation, first day, upvotes, appearances', () => {
    const papers = [
      paper('seeing-things', 'Seeing Things', { org: { id: 'z', name: 'Z.ai' } }),
      paper('odd-slug-2', 'Odd Slug', { days: ['2026-01-05', '2026-01-08', '2026-01-09'], topics: ['language-models', 'vision'] }),
    ];
    const read = decodeDay(JSON.parse(writeDayFile(digest(papers))));
    expect(read.map((p) => [p.slug, p.org, p.firstListed, p.upvotes, p.appearances, p.topics])).toEqual([
      ['seeing-things', 'Z.ai', '2026-01-08', 7, 1, ['vision']],
      // Days listed up to this day: the file of a day says what was known then.
      ['odd-slug-2', null, '2026-01-05', null, 2, ['language-models', 'vision']],
    ]);
    expect(read[0]!.words).toBe('study');
  });

  it('stores a slug only where the browser could not derive it from the title', () => {
    const json = JSON.parse(writeDayFile(digest([paper('seeing-things', 'Seeing Things'), paper('seeing-things-2', 'Seeing Things')])));
    expect(json.papers.map((row: unknown[]) => row[1])).toEqual([0, 'seeing-things-2']);
  });

  it('keeps fewer first-sentence words, rarest first, when the day would not fit its budget', () => {
    const abstract = (i: number) => `Models with common words and rare${i}word${i} here. Second.`;
    const day = digest(Array.from({ length: 60 }, (_, i) => paper(`p-${i}`, `P ${i}`, { abstract: abstract(i) })));
    const oneWord = dayFileText(day)(1);
    const cut = writeDayFile(day, gzippedSize(oneWord));
    expect(cut).toBe(oneWord);
    // The word only this paper has is the one kept; the ones every paper has went first.
    expect(decodeDay(JSON.parse(cut))[5]!.words).toBe('rare5word5');
    expect(decodeDay(JSON.parse(writeDayFile(day)))[5]!.words.split(' ')).toHaveLength(4);
  });
});
