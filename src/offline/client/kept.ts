// The "Saved on this device" list of /offline/: every page the service worker keeps for this
// site, by kind, each a link. When the worker shows this page in place of one that is not kept,
// the reader sees what can still be read instead of a dead end.
import { isBuildCacheOf } from '../cache-names.ts';
import { KINDS, pageKind, rawTitle, type PageKind } from '../kept-pages.ts';

const section = document.querySelector<HTMLElement>('[data-offline-kept]');
const scope = new URL(import.meta.env.BASE_URL, location.href).href;

interface KeptPage {
  url: string;
  title: string;
  kind: PageKind;
}

/** The title of a kept page, read from the start of its HTML (the `<title>` is in the first kilobytes). */
async function titleOf(response: Response, fallback: string): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return fallback;
  const decoder = new TextDecoder();
  let start = '';
  try {
    while (start.length < 16_384) {
      const { done, value } = await reader.read();
      if (done) break;
      start += decoder.decode(value, { stream: true });
      const raw = rawTitle(start);
      // The title is escaped HTML: parsed as such, it reads as the text the page shows.
      if (raw !== null) return new DOMParser().parseFromString(`<title>${raw}</title>`, 'text/html').title || fallback;
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return fallback;
}

async function keptPages(): Promise<KeptPage[]> {
  const found = new Map<string, { cache: Cache; kind: PageKind }>();
  for (const name of (await caches.keys()).filter((n) => isBuildCacheOf(n, scope))) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (!request.url.startsWith(scope)) continue;
      const kind = pageKind(new URL(request.url).pathname.slice(new URL(scope).pathname.length));
      if (kind && !found.has(request.url)) found.set(request.url, { cache, kind });
    }
  }
  return Promise.all(
    [...found].map(async ([url, { cache, kind }]) => {
      const response = await cache.match(url);
      return { url, kind, title: response ? await titleOf(response, url) : url };
    }),
  );
}

function render(pages: KeptPage[]): void {
  const list = section!.querySelector<HTMLElement>('[data-offline-kept-list]')!;
  const summary = section!.querySelector<HTMLElement>('[data-offline-kept-summary]')!;
  summary.textContent = pages.length === 0 ? 'No page is kept on this device yet: pages you open while online are kept for later.' : `${pages.length} ${pages.length === 1 ? 'page' : 'pages'} you can read without a connection:`;
  const groups: HTMLElement[] = [];
  for (const { kind, heading } of KINDS) {
    const ofKind = pages.filter((p) => p.kind === kind);
    if (ofKind.length === 0) continue;
    // Newest digest days and archive months first (their addresses sort by date), papers and topics by title.
    ofKind.sort((a, b) => (kind === 'digests' || kind === 'archive' ? b.url.localeCompare(a.url) : a.title.localeCompare(b.title)));
    const group = document.createElement('section');
    const title = document.createElement('h3');
    title.textContent = `${heading} (${ofKind.length})`;
    const ul = document.createElement('ul');
    ul.className = 'kept-list';
    for (const page of ofKind) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = page.url;
      a.textContent = page.title;
      li.append(a);
      ul.append(li);
    }
    group.append(title, ul);
    groups.push(group);
  }
  list.replaceChildren(...groups);
  section!.hidden = false;
}

if (section && 'caches' in window && import.meta.env.PROD) {
  void keptPages().then(render, () => undefined);
}
