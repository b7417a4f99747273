/**
 * Which words of a query a search result really matched. Pagefind matches each query word as a
 * prefix of the indexed words; when no indexed word starts with it, it quietly searches for the
 * longest indexed word that the query word starts with instead ("difusion" becomes "di", from
 * "DiT"). Its results then look like answers but are not: the search page must tell a query
 * word that was found from one that was not before it trusts the results (spelling.ts corrects
 * the others).
 *
 * Every result holds every query word Pagefind found, so the words of one result tell. This
 * module is the quick test by prefix, small enough for every search; spelling.ts adds stems
 * ("studies" matched "study"), loaded only when the quick test fails.
 */

/** A query word as Pagefind searches it: lower case, accents and punctuation dropped. */
export function pagefindTerm(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
}

/** Shortest word corrected: among shorter ones too many are one edit apart. */
const MIN_CORRECTABLE = 4;

/** A plain word: letters only, all lower case or capitalised ("Diffusion"), long enough to correct. */
export function isCorrectable(word: string): boolean {
  return word.length >= MIN_CORRECTABLE && /^\p{Lu}?[\p{Ll}\p{M}]+$/u.test(word);
}

/**
 * The Pagefind terms of the query words that spelling.ts may correct: those with a plain word
 * in them ("vision-langauge" has two), not model names ("Qwen2.5-VL") or acronyms ("LoRA").
 */
export function correctableTerms(query: string): string[] {
  return queryWords(query)
    .filter((w) => !/[\p{N}._]/u.test(w) && (w.match(/[\p{L}\p{M}]+/gu) ?? []).some(isCorrectable))
    .map(pagefindTerm);
}

/** The whitespace-separated words of a query, as typed. */
export function queryWords(query: string): string[] {
  return query.split(/\s+/).filter((w) => pagefindTerm(w) !== '');
}

/** What a result's search data says it matched: its text, the word positions hit, the metadata fields hit. */
export interface MatchedResult {
  /** The indexed text (the abstract). */
  content: string;
  /** Positions of matched words in the text, counting words split at white space (as Pagefind does). */
  locations: number[];
  meta: Record<string, string | undefined>;
  /** Metadata fields the query matched (`title`). */
  matchedMetaFields?: string[] | undefined;
}

/**
 * The words a result was matched on, normalised like query terms: each matched word of the text
 * whole and in its parts ("text-to-image" as "texttoimage", "text", "to", "image"), and every
 * word of each metadata field matched.
 */
export function matchedWords(result: MatchedResult): string[] {
  const words = result.content.split(/[\r\n\s]+/g);
  const hit = result.locations.map((l) => words[l] ?? '');
  for (const field of result.matchedMetaFields ?? []) hit.push(...(result.meta[field] ?? '').split(/\s+/));
  const forms = new Set<string>();
  for (const word of hit) {
    forms.add(pagefindTerm(word));
    for (const part of word.split(/[^\p{L}\p{N}]+/u)) forms.add(pagefindTerm(part));
  }
  forms.delete('');
  return [...forms];
}

/** Whether some matched word starts with the term: found for certain. (False may still be a stem match.) */
export function foundByPrefix(term: string, matched: readonly string[]): boolean {
  return matched.some((w) => w.startsWith(term));
}
