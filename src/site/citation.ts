/**
 * Reference-manager tags (Highwire Press `citation_*` meta tags, read by Zotero, Mendeley and
 * Google Scholar): with them a paper page is saved as the paper in one click, not as a web page.
 */
import { arxivLinks } from '../papers/arxiv.ts';

export interface CitationPaper {
  title: string;
  authors: string[] | null;
  /** `YYYY-MM-DD`; the day first listed stands in when the publication date is unknown. */
  published: string | null;
  firstSeen: string;
  arxivId: string | null;
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
  if (paper.arxivId) {
    tags.push({ name: 'citation_arxiv_id', content: paper.arxivId }, { name: 'citation_pdf_url', content: arxivLinks(paper.arxivId).pdf });
  }
  return tags;
}
