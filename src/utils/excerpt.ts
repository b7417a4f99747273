/** A plain-text preview of a longer text, for cards, descriptions and feeds. */
const ELLIPSIS = '…';

/**
 * Plain-text preview of at most `maxChars` characters (ellipsis included), cut at a
 * word boundary. Returns text, not HTML: let the template escape it.
 */
export function excerpt(text: string, maxChars: number): string {
  const flat = flatHead(text, maxChars);
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

/**
 * The text with its whitespace collapsed and trimmed, or, when that is longer than `maxChars`,
 * enough of its beginning to cut it (more than `maxChars` characters, each as in the whole text
 * collapsed). Collapsing only a head: every build makes an excerpt of each abstract (1–2 KB) for
 * every paper, and collapsing whole abstracts cost 0.3 s a process at 30,000 papers.
 */
function flatHead(text: string, maxChars: number): string {
  // A limit that is not a number of characters (NaN) collapses the whole text, as any text fits it.
  for (let size = 2 * (maxChars > 0 ? maxChars : 0) + 64; ; size *= 2) {
    if (size >= text.length) return text.replace(/\s+/g, ' ').trim();
    // A whitespace run cut at the end collapses to the one space it would be anyway.
    const head = text.slice(0, size).replace(/\s+/g, ' ').trimStart();
    if (head.length > maxChars + 1) return head;
  }
}
