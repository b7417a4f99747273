/** A plain-text preview of a longer text, for cards, descriptions and feeds. */
const ELLIPSIS = '…';

/**
 * Plain-text preview of at most `maxChars` characters (ellipsis included), cut at a
 * word boundary. Returns text, not HTML: let the template escape it.
 */
export function excerpt(text: string, maxChars: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  if (maxChars < 1) return '';

  const budget = maxChars - ELLIPSIS.length;
  const lastSpace = flat.lastIndexOf(' ', budget);
  // One giant word: a hard cut beats returning nothing.
  let cut = lastSpace > 0 ? lastSpace : budget;
  // Never split a surrogate pair (emoji, rare CJK) in half.
  if (/[\uD800-\uDBFF]/.test(flat.charAt(cut - 1))) cut -= 1;
  const head = flat.slice(0, cut).replace(/[\s,;:.\-–—]+$/, '');
  return head + ELLIPSIS;
}
