/**
 * Where a paper can be read, from what its listings named: its arXiv abstract and PDF, its
 * Hugging Face paper page (keyed by the same id), its code and its project page. Links named
 * by a listing are data from outside: only http(s) addresses become links.
 */
import { isHttpUrl } from './render-text.ts';
import type { PaperView } from '../papers/view.ts';

export interface PaperLink {
  label: string;
  url: string;
}

export function paperLinks(paper: Pick<PaperView, 'arxiv' | 'github' | 'projectPage'>): PaperLink[] {
  const links: PaperLink[] = [];
  if (paper.arxiv) {
    links.push(
      { label: 'arXiv abstract', url: `https://arxiv.org/abs/${paper.arxiv}` },
      { label: 'PDF', url: `https://arxiv.org/pdf/${paper.arxiv}` },
      { label: 'Hugging Face paper page', url: `https://huggingface.co/papers/${paper.arxiv}` },
    );
  }
  if (paper.github && isHttpUrl(paper.github)) links.push({ label: 'Code', url: paper.github });
  if (paper.projectPage && isHttpUrl(paper.projectPage)) links.push({ label: 'Project page', url: paper.projectPage });
  return links;
}
