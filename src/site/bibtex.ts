import slugify from '@sindresorhus/slugify';

/**
 * A paper's BibTeX entry, for the Cite button. Written here rather than with citation-js
 * (@citation-js/plugin-bibtex): it took 0.48 ms an entry (15 s of build at 30,000 papers) and
 * wrote `month = {mar 9}`; an @misc entry needs only escaping and a key.
 */

export interface BibtexPaper {
  title: string;
  /** Names in order ("Jonathan Frankle"), or null when unknown: the entry then has no author field. */
  authors: string[] | null;
  /** `YYYY-MM-DD` publication date, if known. */
  published: string | null;
  arxiv: string | null;
  /** Where the paper can be read: its arXiv page, else its page on this site. */
  url: string;
  /** The entry's key; by default one a reader would type (`frankle2018lottery`). */
  key?: string;
}

// The characters BibTeX and LaTeX read as commands or grouping, written so they print as themselves.
const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** Text as a BibTeX field value prints it, character for character. */
export function escapeLatex(text: string): string {
  return text.replace(/[\\{}$&%#_^~]/g, (ch) => LATEX_SPECIALS[ch]!);
}

export function bibtexEntry(paper: BibtexPaper): string {
  const year = paper.published?.slice(0, 4) ?? null;
  const fields: Array<[string, string]> = [
    // As arXiv's own export writes it: the title as it is, case left to the style.
    ['title', escapeLatex(paper.title)],
    ...(paper.authors ? [['author', paper.authors.map(authorName).join(' and ')] as [string, string]] : []),
    ...(year ? [['year', year] as [string, string]] : []),
    ...(paper.arxiv ? ([['eprint', paper.arxiv], ['archivePrefix', 'arXiv']] as Array<[string, string]>) : []),
    // A URL is read verbatim (url package, biblatex); it has no braces, being percent-encoded.
    ['url', paper.url],
  ];
  return `@misc{${paper.key ?? citationKey(paper, year)},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}`;
}

/** A name as BibTeX splits it into first and last; one holding " and " or a comma is kept whole, in braces. */
function authorName(name: string): string {
  const escaped = escapeLatex(name.replace(/\s+/g, ' ').trim());
  return /\band\b|,/i.test(name) ? `{${escaped}}` : escaped;
}

/** `frankle2018lottery`: first author's last name, year, first word of the title that says something; ASCII only. */
export function citationKey(paper: Pick<BibtexPaper, 'title' | 'authors'>, year: string | null): string {
  // Transliterated as slugs are (Ø → o, ß → ss), then split into words.
  const words = (text: string) => slugify(text).split('-').filter((w) => /^[a-z0-9]+$/.test(w));
  const lastName = paper.authors?.[0]?.trim().split(/\s+/).at(-1) ?? '';
  const title = words(paper.title);
  const word = title.find((w) => w.length > 3 && !STOP_WORDS.has(w)) ?? title[0] ?? '';
  return `${words(lastName).join('')}${year ?? ''}${word}` || 'paper';
}

const STOP_WORDS = new Set(['the', 'a', 'an', 'on', 'of', 'for', 'and', 'with', 'from', 'into', 'towards', 'toward', 'when', 'what', 'does', 'your', 'their', 'beyond', 'via', 'using']);

/** A file of entries, one per paper; give each a `key` (e.g. its slug) so that no two collide. */
export function bibtexFile(papers: readonly BibtexPaper[]): string {
  return papers.map((paper) => `${bibtexEntry(paper)}\n`).join('\n');
}
