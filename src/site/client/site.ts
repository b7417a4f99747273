// The only script on ordinary pages: theme toggle, `/` to search, copy-link, share and copy-text buttons.
import { shareUrl } from '../share-url.ts';

const root = document.documentElement;

function effectiveTheme(): 'light' | 'dark' {
  const chosen = root.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function syncToggle(button: HTMLElement): void {
  const next = effectiveTheme() === 'dark' ? 'light' : 'dark';
  button.setAttribute('aria-label', `Switch to ${next} theme`);
}

for (const button of document.querySelectorAll<HTMLElement>('[data-theme-toggle]')) {
  syncToggle(button);
  button.addEventListener('click', () => {
    const next = effectiveTheme() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    syncToggle(button);
  });
}

// The `/` shortcut is only hinted where there is a keyboard to press it on: the placeholder
// says plain "Search papers" in the HTML, so phones never show a key they do not have.
const siteSearch = document.querySelector<HTMLInputElement>('#site-search');
if (siteSearch && matchMedia('(hover: hover) and (pointer: fine)').matches) siteSearch.placeholder = 'Search papers  /';

// `/` focuses the search box, unless the reader is typing somewhere.
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const box = document.querySelector<HTMLInputElement>('#search-query') ?? document.querySelector<HTMLInputElement>('#site-search');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

// Share and copy-link buttons name the page they are on unless they carry a URL of their own:
// its canonical URL where that is the host the reader is on (not location.href, which may hold
// a query or a fragment), else the address the reader sees; and its title.
function pageUrl(): string {
  return shareUrl(document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href, location);
}

function pageTitle(): string {
  return document.querySelector<HTMLMetaElement>('meta[property="og:title"]')?.content ?? document.title;
}

/** Copies text for the reader, and says so in the status line of the button's group (or how to copy it by hand). */
async function copy(button: HTMLElement, text: string, done: string, fallback: string): Promise<void> {
  const status = button.closest('[data-copy-group]')?.querySelector<HTMLElement>('[data-copy-status]') ?? button.parentElement?.querySelector<HTMLElement>('[data-copy-status]');
  try {
    await navigator.clipboard.writeText(text);
    if (status) status.textContent = done;
  } catch {
    if (status) status.textContent = fallback;
  }
}

/**
 * Wires the copy, cite and share buttons under `root`: the page's own at load, and those of an
 * article drawn later (the not-found page draws a paper without a page, then sends
 * `paper-digest:drawn` from it: paper-view.ts).
 */
function wireActions(root: ParentNode): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-copy-link]')) {
    button.addEventListener('click', () => {
      const url = button.dataset.copyLink || pageUrl();
      void copy(button, url, 'Link copied', `Copy this link: ${url}`);
    });
  }

  // Copies the text of the element named by `data-copy-text` (the BibTeX entry of a paper).
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-copy-text]')) {
    button.addEventListener('click', () => {
      const source = document.getElementById(button.dataset.copyText ?? '');
      if (source) void copy(button, source.textContent ?? '', `${button.dataset.copyWhat ?? 'Text'} copied`, 'Select the text above and copy it');
    });
  }

  // Share through the system sheet where the browser has one; copy-link stays as the fallback.
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-share]')) {
    if (typeof navigator.share !== 'function') continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.share({ title: button.dataset.shareTitle || pageTitle(), url: button.dataset.share || pageUrl() });
      } catch {
        // Cancelled by the reader, or refused: nothing to do, copy-link is right there.
      }
    });
  }
}

wireActions(document);
document.addEventListener('paper-digest:drawn', (event) => wireActions(event.target as Element));
