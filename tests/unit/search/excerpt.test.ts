import { describe, expect, it } from 'vitest';
import { excerptPieces } from '../../../src/search/excerpt.ts';

const text = (t: string) => ({ text: t, mark: false });
const mark = (t: string) => ({ text: t, mark: true });
const content = 'A Title. We propose sparse linear (attention), a cheaper layer. It is fast and it is small.';

describe('excerptPieces', () => {
  it('marks "…" where the excerpt starts and ends inside the text', () => {
    const pieces = excerptPieces([text('propose sparse linear '), mark('(attention),'), text(' a cheaper layer.')], content);
    expect(pieces.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('')).toBe('… propose sparse linear ([attention]), a cheaper layer. …');
  });

  it('adds no "…" at the start or end of the text', () => {
    const start = excerptPieces([mark('A'), text(' Title. We propose')], content);
    expect(start[0]).toEqual(mark('A'));
    const end = excerptPieces([text('It is fast and it is '), mark('small.')], content);
    expect(end.at(-1)).toEqual(text('.'));
    expect(end[0]!.text.startsWith('…')).toBe(true);
  });

  it('keeps a mark that is all punctuation as plain text, and never marks an empty string', () => {
    const pieces = excerptPieces([text('a '), mark('—'), text(' b')], 'x a — b y');
    expect(pieces.filter((p) => p.mark)).toEqual([]);
  });
});
