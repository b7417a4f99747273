// The not-found page: the permalink of a paper without a page of its own (PAPER_PAGES,
// src/site/paper-pages.ts) is answered by the host with this page, which draws the paper's
// article from its bundle. Any other address keeps the not-found message.
// Once drawn, the article is announced with `paper-digest:drawn` (bubbling from it), for the
// scripts that bring its buttons to life: site.ts (copy, cite, share) and the reader's layer.
import { bundleOf, bundlePath } from '../paper-pages.ts';

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

/**
 * The paper's article from its bundle, or null if no bundle holds it. The number of bundles is
 * this page's; a page or bundle cached from before a deploy may disagree with the site as it is
 * now, so a miss asks again past the cache, and under the counts a deploy can move to.
 */
async function findArticle(slug: string, bundles: number): Promise<Element | null> {
  const tries = [
    { count: bundles, cache: 'default' as RequestCache },
    ...[bundles, bundles * 2, bundles / 2].filter((n) => Number.isInteger(n) && n >= 1).map((count) => ({ count, cache: 'no-cache' as RequestCache })),
  ];
  for (const { count, cache } of tries) {
    const response = await fetch(`${base}${bundlePath(bundleOf(slug, count))}`, { cache });
    if (!response.ok) continue;
    const bundle = new DOMParser().parseFromString(await response.text(), 'text/html');
    const article = [...bundle.querySelectorAll('article[data-paper]')].find((a) => a.getAttribute('data-paper') === slug);
    if (article) return article;
  }
  return null;
}

async function drawPaper(holder: HTMLElement, slug: string, bundles: number): Promise<void> {
  const notFound = [...holder.childNodes];
  const loading = Object.assign(document.createElement('p'), { className: 'lede', textContent: 'Loading this paper…' });
  holder.setAttribute('aria-busy', 'true');
  holder.replaceChildren(loading);
  let article: Element | null = null;
  try {
    article = await findArticle(slug, bundles);
  } catch (error) {
    console.warn(error);
    loading.textContent = 'This paper could not be loaded: check the connection and reload the page.';
    holder.removeAttribute('aria-busy');
    return;
  }
  holder.removeAttribute('aria-busy');
  if (!article) {
    holder.replaceChildren(...notFound);
    return;
  }
  holder.replaceChildren(document.importNode(article, true));
  const title = article.querySelector('h1')?.textContent ?? '';
  document.title = document.title.replace(/^[^·]*·/, `${title} ·`);
  document.querySelector('meta[property="og:title"]')?.setAttribute('content', title);
  holder.dispatchEvent(new CustomEvent('paper-digest:drawn', { bubbles: true }));
}

const slug = slugOf(location.pathname);
const bundles = Number(holder?.dataset.paperBundles);
if (holder && slug && bundles > 0) drawPaper(holder, slug, bundles).catch((error: unknown) => console.warn(error));
