/**
 * The identity of a paper across listings: its title, normalised so that the same
 * paper captured by different tools (case, punctuation, accents, spacing) matches.
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
