/**
 * An abstract as paragraphs a reader can follow. Listings give most abstracts as one block of
 * 1,000–2,000 characters (1,300 px of text on a phone); a block that long is cut into
 * paragraphs of a few sentences, only between sentences, never inside one. Paragraphs the
 * text already has (blank lines) are kept.
 */

/** A paragraph longer than this is cut; shorter ones are left as they are. */
const LONG = 600;
/** A cut is made once a paragraph has at least this many characters… */
const TARGET = 320;
/** …and never leaves a last paragraph shorter than this. */
const SHORTEST_LAST = 160;

// Intl.Segmenter breaks after "e.g." or "vs." before a capital; a cut there would split a sentence.
const ABBREVIATION = /\b(?:e\.g|i\.e|cf|vs|etc|al|fig|figs|eq|eqs|sec|ref|refs|no|approx|resp|incl|dr|prof|mr|ms|st)\.\s*$/i;

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The text's paragraphs, long ones cut between sentences; blank lines separate paragraphs in the input. */
export function readableParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .flatMap((paragraph) => (paragraph.length > LONG ? cutBetweenSentences(paragraph) : [paragraph]));
}

function cutBetweenSentences(paragraph: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (const { segment, index } of sentences.segment(paragraph)) {
    const rest = paragraph.length - (index + segment.length);
    current += segment;
    if (current.length >= TARGET && rest >= SHORTEST_LAST && !ABBREVIATION.test(current) && /[.!?]["')\]]?\s+$/.test(current)) {
      parts.push(current.trim());
      current = '';
    }
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}
