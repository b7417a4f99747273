// The not-found page: the permalink of a paper without a page of its own (PAPER_PAGES,
// src/site/paper-pages.ts) is answered by the host with this page, which draws the paper's
// article from its bundle. Any other address keeps the not-found message.
import { bundleOf, bundlePath } from '../paper-pages.ts';
import { wireActions } from './site.ts';

const holder = document.querySelector<HTMLElement>('[data-paper-bundles]');
const base = import.meta.env.BASE_URL;

/** The slug a permalink address names (`<base>papers/<slug>/`), or null. */
function slugOf(path: string): string | null {
  if (!path.startsWith(base)) return null;
  const match = /^papers\/([^/]+)\/?$/.exec(path.slice(base.length));
  try {
    return match ? decodeURIComponent(match[1]!) : null;
  } catch {
    return null;
  }
}

async function drawPaper(holder: HTMLElement, slug: string, bundles: number): Promise<void> {
  const response = await fetch(`${base}${bundlePath(bundleOf(slug, bundles))}`);
  if (!response.ok) return;
  const bundle = new DOMParser().parseFromString(await response.text(), 'text/html');
  const article = [...bundle.querySelectorAll('article[data-paper]')].find((a) => a.getAttribute('data-paper') === slug);
  if (!article) return;
  holder.replaceChildren(document.importNode(article, true));
  const title = article.querySelector('h1')?.textContent ?? '';
  document.title = document.title.replace(/^[^·]*·/, `${title} ·`);
  document.querySelector('meta[property="og:title"]')?.setAttribute('content', title);
  wireActions(holder);
  // The paper page's own script: marks it seen, adds the watch toggles and the Save button.
  const [{ addSaveButtons }] = await Promise.all([import('../../personal/client/save-buttons.ts'), import('../../personal/client/paper.ts')]);
  await addSaveButtons(holder);
}

const slug = slugOf(location.pathname);
const bundles = Number(holder?.dataset.paperBundles);
if (holder && slug && bundles > 0) drawPaper(holder, slug, bundles).catch((error: unknown) => console.warn(error));
