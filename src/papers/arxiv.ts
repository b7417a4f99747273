/**
 * arXiv identifiers: a paper's id from a hand-set `arxiv:` key or from the arXiv links in its
 * abstract, and the addresses that lead to the paper. Pure, so ingest (which will write ids
 * from richer listings), the schema and the pages share one idea of what an id is.
 */

// New scheme (2007 on): YYMM.NNNN until 2014, YYMM.NNNNN since; old scheme: archive[.SC]/YYMMNNN.
const NEW_ID = /^(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(v[1-9]\d*)?$/;
const OLD_ID = /^([a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{2}(?:0[1-9]|1[0-2])\d{3})(v[1-9]\d*)?$/;
// The paper's own pages on arXiv: /abs/<id>, /pdf/<id>[.pdf], /html/<id>.
const ARXIV_PAGE = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/(.+?)(?:\.pdf)?\/?(?:[?#].*)?$/i;

/** `2501.01234`, `2501.01234v2`, `arXiv:2501.01234`, `hep-th/9901001` → the id as arXiv writes it; anything else → null. */
export function parseArxivId(text: string): string | null {
  const id = text.trim().replace(/^arxiv:\s*/i, '');
  return NEW_ID.test(id) || OLD_ID.test(id) ? id : null;
}

/** The id without its version suffix: `2501.01234v2` → `2501.01234` (arXiv's and Hugging Face's address of the latest version). */
export function withoutVersion(id: string): string {
  return id.replace(/v\d+$/, '');
}

/**
 * The arXiv id the links of an abstract point to. Only when they point to one paper: an
 * abstract that links several arXiv papers is citing others, and none of them is known to
 * be this one.
 */
export function arxivIdFromUrls(urls: readonly string[]): string | null {
  const ids = new Map<string, string>();
  for (const url of urls) {
    const match = ARXIV_PAGE.exec(url);
    const id = match ? parseArxivId(decodeURIComponent(match[1]!)) : null;
    // Two links to versions of one paper are one paper; keep the first version named.
    if (id && !ids.has(withoutVersion(id))) ids.set(withoutVersion(id), id);
  }
  return ids.size === 1 ? [...ids.values()][0]! : null;
}

export interface ArxivLinks {
  abstract: string;
  pdf: string;
  huggingFace: string;
}

/** Where the paper is: its arXiv abstract page and PDF (the version named, if any), and its Hugging Face paper page. */
export function arxivLinks(id: string): ArxivLinks {
  return {
    abstract: `https://arxiv.org/abs/${id}`,
    pdf: `https://arxiv.org/pdf/${id}`,
    huggingFace: `https://huggingface.co/papers/${withoutVersion(id)}`,
  };
}

/** An arXiv title search: what the site offers when the paper's id is not known. */
export function arxivTitleSearch(title: string): string {
  return `https://arxiv.org/search/?query=${encodeURIComponent(title)}&searchtype=title`;
}
