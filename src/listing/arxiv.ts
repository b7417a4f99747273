/**
 * arXiv identifiers: the identity of a paper once a listing gives one. Hugging Face's
 * Daily Papers key papers by them (`paper.id`). Kept without the version (`v2`), which
 * changes with every revision while the paper stays the same, and which arXiv's
 * unversioned addresses resolve to the latest of.
 */

/** `2501.01234` (since 2007) or `hep-th/9901001` (before): an identifier as stored, with no version. */
export const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7})$/;

// An identifier as sources write it: maybe an `arXiv:` prefix, maybe a version.
const WRITTEN = /^(?:arxiv:)?(\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/i;

/** `arXiv:2501.01234v2` → `2501.01234`; null for anything that is not an arXiv identifier. */
export function normaliseArxivId(text: string): string | null {
  const m = WRITTEN.exec(text.trim());
  if (!m) return null;
  const id = m[1]!;
  // The archive name is lower case, the subject class upper case: `math.AG/0601001`.
  return ARXIV_ID.test(id) ? id : null;
}

// The paper's own pages on arXiv: /abs/<id>, /pdf/<id>[.pdf], /html/<id>.
const ARXIV_PAGE = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/(.+?)(?:\.pdf)?\/?(?:[?#].*)?$/i;

/**
 * The arXiv identifier the links of an abstract point to. Only when they point to one paper
 * (its versions count as one): an abstract that links several arXiv papers is citing others,
 * and none of them is known to be this one.
 */
export function arxivIdFromUrls(urls: readonly string[]): string | null {
  const ids = new Set<string>();
  for (const url of urls) {
    const match = ARXIV_PAGE.exec(url);
    const id = match ? normaliseArxivId(decodeURIComponent(match[1]!)) : null;
    if (id) ids.add(id);
  }
  return ids.size === 1 ? [...ids][0]! : null;
}

/** An arXiv title search: what the site offers when the paper's identifier is not known. */
export function arxivTitleSearch(title: string): string {
  return `https://arxiv.org/search/?query=${encodeURIComponent(title)}&searchtype=title`;
}
