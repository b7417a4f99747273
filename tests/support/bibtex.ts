/** BibTeX read back by Citation.js (a devDependency): it throws on a syntax error and decodes LaTeX escapes to text. */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';

export interface ParsedEntry {
  'citation-key': string;
  title?: string;
  URL?: string;
  issued?: { 'date-parts': number[][] };
}

export function parseBibtex(text: string): ParsedEntry[] {
  return plugins.input.chain(text, { forceType: '@bibtex/text', generateGraph: false }) as ParsedEntry[];
}
