// Typo correction on the search page, loaded only when a query word was not found (or a
// search finds very little): the spelling logic, the stemmer and, fetched once, the vocabulary.
import { parseVocabulary, type Vocabulary } from '../vocabulary.ts';

export { correctQuery, isFound, suggestCommoner, type Correction } from '../spelling.ts';

let vocabulary: Promise<Vocabulary> | undefined;

/** The vocabulary at this address, fetched the first time it is asked for. */
export function loadVocabulary(url: string): Promise<Vocabulary> {
  vocabulary ??= fetch(url).then(async (response) => {
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return parseVocabulary(await response.text());
  });
  vocabulary.catch(() => (vocabulary = undefined)); // Try again next time.
  return vocabulary;
}
