/**
 * BibTeX entries for papers, for reference managers. Titles come from listings, so every
 * character LaTeX treats specially is escaped and the title is braced to keep its capitals.
 */

export interface CitablePaper {
  slug: string;
  title: string;
  /** Publication date, else the day it was first listed (YYYY-MM-DD), if known. */
  date: string | null;
  /** The paper's page, absolute. */
  url: string;
}

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text as a BibTeX field value shows it: LaTeX specials escaped, whitespace flattened. */
export function latexEscape(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\{}%&$#_~^]/g, (ch) => LATEX_SPECIALS[ch]!);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** One `@misc` entry, keyed by the paper's slug (unique on the site, and a valid BibTeX key). */
export function bibtexEntry(paper: CitablePaper): string {
  const fields: Array<[string, string]> = [['title', `{${latexEscape(paper.title)}}`]];
  if (paper.date) {
    fields.push(['year', paper.date.slice(0, 4)]);
    const month = MONTHS[Number(paper.date.slice(5, 7)) - 1];
    if (month) fields.push(['month', month]);
  }
  // A parsed URL has braces and backslashes percent-encoded, so it cannot end the field early.
  fields.push(['url', new URL(paper.url).href]);
  const body = fields.map(([name, value]) => `  ${name} = ${name === 'month' ? value : `{${value}}`}`).join(',\n');
  return `@misc{${paper.slug},\n${body}\n}\n`;
}

export function bibtexFile(papers: readonly CitablePaper[]): string {
  return papers.map(bibtexEntry).join('\n');
}
