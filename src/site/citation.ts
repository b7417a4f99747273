/**
 * Reference-manager tags (Highwire Press `citation_*` meta tags, read by Zotero, Mendeley and
 * Google Scholar): with them a paper page is saved as the paper in one click, not as a web page.
 */
export interface CitationPaper {
  title: string;
  authors: string[] | null;
  /** `YYYY-MM-DD`; the day first listed stands in when the publication date is unknown. */
  published: string | null;
  firstSeen: string;
  /** The arXiv identifier, without version. */
  arxiv: string | null;
}

export interface MetaTag {
  name: string;
  content: string;
}

export function citationTags(paper: CitationPaper): MetaTag[] {
  const tags: MetaTag[] = [
    { name: 'citation_title', content: paper.title },
    ...(paper.authors ?? []).map((author) => ({ name: 'citation_author', content: author })),
    // Highwire dates are written YYYY/MM/DD.
    { name: 'citation_publication_date', content: (paper.published ?? paper.firstSeen).replaceAll('-', '/') },
  ];
  if (paper.arxiv) {
    tags.push({ name: 'citation_arxiv_id', content: paper.arxiv }, { name: 'citation_pdf_url', content: `https://arxiv.org/pdf/${paper.arxiv}` });
  }
  return tags;
}
