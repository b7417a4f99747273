// The search page: Pagefind in the browser, with the query and filters kept in the URL.
// Result text comes from listings, so it is only ever inserted as text (or as <mark>
// elements built here), never as HTML.
import { SEARCH_ENTRY, type PagefindEntry } from '../entry.ts';
import { ranksOfOrderFile, SEARCH_ORDERS, type SearchOrder } from '../orders.ts';
import { excerptPieces } from '../excerpt.ts';

interface PagefindResultData {
  url: string;
  /** The record's whole indexed text (title and abstract). */
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindSearch {
  results: Array<{ id: string; data: () => Promise<PagefindResultData> }>;
  unfilteredResultCount: number;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string | null, o: { filters?: Record<string, string> }) => Promise<PagefindSearch | null>;
}

const PAGE = 20;
const isOrder = (value: string): value is SearchOrder => (SEARCH_ORDERS as readonly string[]).includes(value);
const base = import.meta.env.BASE_URL;

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('#search-query')!;
const sortSelect = form.querySelector<HTMLSelectElement>('select[name=sort]')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const more = document.querySelector<HTMLButtonElement>('#search-more')!;
const filterInputs = [...form.querySelectorAll<HTMLSelectElement | HTMLInputElement>('[data-filter]')];

let pagefind: Pagefind;
let current: PagefindSearch['results'] = [];
let shown = 0;
let generation = 0;
/** `pagefind-entry.json`: only the sort-order files src/search/build-index.ts adds to it are read here. */
let entry: Promise<Pick<PagefindEntry, 'sorts'>>;
const ranks = new Map<SearchOrder, Promise<Map<string, number>>>();

async function start(): Promise<void> {
  status.textContent = 'Loading search…';
  // Read along with Pagefind's own copy, so the sort orders are those of the index it loads.
  entry = fetch(`${base}${SEARCH_ENTRY}`).then((r) => r.json() as Promise<Pick<PagefindEntry, 'sorts'>>);
  entry.catch(() => {}); // Only sorting needs it; a failure shows when a reader sorts.
  pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: base, excerptLength: 24 });
  await pagefind.init();
  readUrl();
  await run();
  form.addEventListener('input', () => schedule());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  more.addEventListener('click', () => void showMore());
  addEventListener('popstate', () => {
    readUrl();
    void run(false);
  });
}

function readUrl(): void {
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  sortSelect.value = isOrder(params.get('sort') ?? '') ? params.get('sort')! : '';
  for (const control of filterInputs) {
    const value = params.get(control.name) ?? '';
    if (control instanceof HTMLInputElement) control.checked = value === control.value;
    else control.value = [...control.options].some((o) => o.value === value) ? value : '';
  }
}

function selectedFilters(): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const control of filterInputs) {
    if (control instanceof HTMLInputElement ? control.checked : control.value !== '') filters[control.name] = control.value;
  }
  return filters;
}

function writeUrl(push: boolean): void {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set('q', input.value.trim());
  for (const [name, value] of Object.entries(selectedFilters())) params.set(name, value);
  if (sortSelect.value) params.set('sort', sortSelect.value);
  const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
  if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
}

// The first change searches at once (a pasted query, a picked filter); changes that follow
// quickly (typing) wait for a pause, and an older search's results are dropped (run()).
const PAUSE_MS = 120;
let timer: ReturnType<typeof setTimeout> | undefined;
let lastRun = -Infinity;
function schedule(): void {
  clearTimeout(timer);
  const runNow = () => {
    lastRun = performance.now();
    void run();
  };
  if (performance.now() - lastRun > PAUSE_MS * 3) runNow();
  else timer = setTimeout(runNow, PAUSE_MS);
}

async function run(updateUrl = true): Promise<void> {
  const query = input.value.trim();
  const filters = selectedFilters();
  if (updateUrl) writeUrl(false);
  const mine = ++generation;
  // Busy until this search has rendered: assistive tech (and tests) wait for the final list.
  list.setAttribute('aria-busy', 'true');
  if (!query && Object.keys(filters).length === 0) {
    current = [];
    list.replaceChildren();
    more.hidden = true;
    status.textContent = 'Type words from a title, abstract or author, or pick a filter.';
    list.removeAttribute('aria-busy');
    return;
  }
  const order = sortSelect.value;
  const [search, rank] = await Promise.all([
    pagefind.search(query || null, { filters }),
    isOrder(order) ? ranksOf(order).catch((error: unknown) => (console.warn(error), null)) : null,
  ]);
  if (mine !== generation || !search) return; // A newer search has started.
  // Stable: papers missing from the order (none, unless the index changed) keep relevance order, last.
  current = rank ? [...search.results].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity)) : search.results;
  shown = 0;
  list.replaceChildren();
  status.textContent = current.length === 0 ? 'No papers match.' : `${current.length} ${current.length === 1 ? 'paper' : 'papers'} found.`;
  if (isOrder(order) && !rank && current.length > 0) status.textContent += ' The sort order could not be loaded, so they are shown by relevance.';
  await showMore(mine);
}

/** Result id → place in a sort order; each order file is fetched once, when first needed. */
function ranksOf(order: SearchOrder): Promise<Map<string, number>> {
  let loading = ranks.get(order);
  if (!loading) {
    loading = entry.then(async ({ sorts }) => {
      const file = sorts?.[order];
      if (!file) throw new Error(`the search index has no "${order}" order`);
      const response = await fetch(`${base}pagefind/${file}`);
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
      return ranksOfOrderFile(await response.text());
    });
    loading.catch(() => ranks.delete(order)); // Try again next time.
    ranks.set(order, loading);
  }
  return loading;
}

async function showMore(mine = generation): Promise<void> {
  const batch = current.slice(shown, shown + PAGE);
  const data = await Promise.all(batch.map((r) => r.data()));
  if (mine !== generation) return;
  for (const result of data) list.append(renderResult(result));
  shown += batch.length;
  more.hidden = shown >= current.length;
  list.removeAttribute('aria-busy');
}

function renderResult(result: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const card = item.appendChild(document.createElement('article'));
  card.className = 'paper-card';
  const heading = card.appendChild(document.createElement('h2'));
  heading.className = 'paper-card__title';
  const link = heading.appendChild(document.createElement('a'));
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  const meta = card.appendChild(document.createElement('p'));
  meta.className = 'paper-card__meta';
  meta.textContent = [result.meta.date, result.meta.topics].filter(Boolean).join(' · ');
  const excerpt = card.appendChild(document.createElement('p'));
  excerpt.className = 'paper-card__excerpt';
  excerpt.append(...highlighted(result.excerpt, result.content));
  return item;
}

/** Pagefind's excerpt as nodes: its <mark> highlights kept, everything else plain text. */
function highlighted(excerpt: string, content: string): Node[] {
  // DOMParser documents are inert: nothing in them loads or runs.
  const doc = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  const pieces = [...doc.body.childNodes].map((node) => ({ text: node.textContent ?? '', mark: node.nodeName === 'MARK' }));
  return excerptPieces(pieces, content ?? '').map((piece) => {
    if (!piece.mark) return document.createTextNode(piece.text);
    const mark = document.createElement('mark');
    mark.textContent = piece.text;
    return mark;
  });
}

start().catch((error: unknown) => {
  list.removeAttribute('aria-busy');
  status.textContent = 'Search could not load. Browse by day, topic or month instead.';
  console.error(error);
});
