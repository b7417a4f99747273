/**
 * Where a paper can be read, the buttons of its page's action bar: its arXiv abstract and PDF,
 * its Hugging Face paper page (keyed by the same id), its code (the repository a listing named,
 * else the abstract's first code link) and its project page. Links named by a listing are data
 * from outside: only http(s) addresses become links.
 */
import { isHttpUrl } from './render-text.ts';
import { isCodeUrl, type PaperView } from '../papers/view.ts';

export interface PaperLink {
  /** The label of its button in the paper page's action bar. */
  label: string;
  url: string;
}

export function paperLinks(paper: Pick<PaperView, 'arxiv' | 'github' | 'projectPage' | 'urls'>): PaperLink[] {
  const links: PaperLink[] = [];
  if (paper.arxiv) {
    links.push(
      { label: 'arXiv', url: `https://arxiv.org/abs/${paper.arxiv}` },
      { label: 'PDF', url: `https://arxiv.org/pdf/${paper.arxiv}` },
      { label: 'Hugging Face', url: `https://huggingface.co/papers/${paper.arxiv}` },
    );
  }
  // The repository a listing named, else the abstract's first code link.
  const code = paper.github && isHttpUrl(paper.github) ? paper.github : paper.urls.find((url) => isHttpUrl(url) && isCodeUrl(url));
  if (code) links.push({ label: 'Code', url: code });
  if (paper.projectPage && isHttpUrl(paper.projectPage)) links.push({ label: 'Project page', url: paper.projectPage });
  return links;
}
