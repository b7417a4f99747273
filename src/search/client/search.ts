// The search page: Pagefind in the browser, with the query and filters kept in the URL.
// A query word the index does not hold is corrected (typos.ts, loaded only then); results
// are drawn as their data arrives, first ones first; filter counts follow the query once
// the reader turns to the filters.
import { metaFile, SEARCH_ENTRY, type PagefindEntry } from '../entry.ts';
import { ranksOfOrderFile, SEARCH_ORDERS, type SearchOrder } from '../orders.ts';
import { correctableTerms, foundByPrefix, matchedWords } from '../query-terms.ts';
import { newestShardsToSearch } from '../shards.ts';
import { renderResult, type ResultData } from './result-card.ts';
import type { Correction } from './typos.ts';

interface PagefindResult {
  id: string;
  /** Metadata fields the query matched (`title`). */
  matchedMetaFields?: string[];
  data: () => Promise<ResultData>;
}
type FilterCounts = Record<string, Record<string, number>>;
interface PagefindSearch {
  results: PagefindResult[];
  /** For each filter value, how many of the results it holds (filters whose index is loaded). */
  filters: FilterCounts;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  /** Another Pagefind of its own (the module's export), as the module's functions are one. */
  createInstance?: (o: Record<string, unknown>) => Pagefind;
  init: () => Promise<void>;
  mergeIndex: (path: string, o: Record<string, unknown>) => Promise<void>;
  search: (q: string | null, o: { filters?: Record<string, string> }) => Promise<PagefindSearch | null>;
  /** Loads every filter's index (so that searches count every filter) and returns the totals. */
  filters: () => Promise<FilterCounts>;
}

const PAGE = 20;
/** A search that finds this few papers may be a rare misspelling of a far commoner word (spelling.ts). */
const FEW = 3;
const isOrder = (value: string): value is SearchOrder => (SEARCH_ORDERS as readonly string[]).includes(value);
const base = import.meta.env.BASE_URL;

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('#search-query')!;
const sortSelect = form.querySelector<HTMLSelectElement>('select[name=sort]')!;
const fieldset = form.querySelector<HTMLFieldSetElement>('#search-filters')!;
const toggle = form.querySelector<HTMLButtonElement>('#search-filters-toggle')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const note = document.querySelector<HTMLElement>('#search-correction')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const more = document.querySelector<HTMLButtonElement>('#search-more')!;
const widenButton = document.querySelector<HTMLButtonElement>('#search-widen')!;
const filterInputs = [...form.querySelectorAll<HTMLSelectElement | HTMLInputElement>('[data-filter]')];
const selects = filterInputs.filter((c): c is HTMLSelectElement => c instanceof HTMLSelectElement);

/** The Pagefind module, which starts with the newest shards; and the Pagefind searches go to (the module, or one with every shard: widen()). */
let pagefindModule: Pagefind;
let pagefind: Pagefind;
let current: PagefindResult[] = [];
let shown = 0;
let generation = 0;
/** `pagefind-entry.json`: only the files src/search/build-index.ts adds to it (shards, sort orders, vocabulary) are read here. */
let entry: Promise<Pick<PagefindEntry, 'sorts' | 'shards' | 'vocabulary'>>;
const ranks = new Map<SearchOrder, Promise<Map<string, number>>>();
/** The reader chose "search instead for" the query as typed: no correction. */
let asTyped = false;
/** The search whose results are shown (after any correction), for the filter counts. */
let shownSearch: { query: string; filters: Record<string, string> } | null = null;
/** Counts follow the query once the reader turns to the filters or sets one; until then none of their index is loaded. */
let countsWanted = false;
let allFilters: Promise<unknown> | undefined;
/**
 * While only the newest shards are searched (shards.ts says which): how many papers they hold
 * out of all, and every shard's path. Null once every shard is searched.
 */
interface Scope {
  searched: number;
  total: number;
  paths: string[];
}
let scope: Scope | null = null;
let widening: Promise<void> | undefined;
const PAGEFIND_OPTIONS = { baseUrl: base, excerptLength: 24 };

async function start(): Promise<void> {
  status.textContent = 'Loading search…';
  // The entry names the shards (each a Pagefind bundle of its own), the sort orders and the vocabulary of this index.
  entry = fetch(`${base}${SEARCH_ENTRY}`).then((r) => {
    if (!r.ok) throw new Error(`${SEARCH_ENTRY}: HTTP ${r.status}`);
    return r.json() as Promise<Pick<PagefindEntry, 'sorts' | 'shards' | 'vocabulary'>>;
  });
  const shards = (await entry).shards ?? [];
  const paths = shards.length > 0 ? shards.map((s) => `${base}pagefind/${s.path}`) : [`${base}pagefind/`];
  // The newest shard's own code loads its metadata; the other shards searched first are merged into it.
  const first = Math.max(1, newestShardsToSearch(shards));
  pagefindModule = (await import(/* @vite-ignore */ `${paths.at(-1)}pagefind.js`)) as Pagefind;
  pagefind = pagefindModule;
  await pagefind.options(PAGEFIND_OPTIONS);
  await pagefind.init();
  await Promise.all(paths.slice(-first, -1).map((path) => pagefind.mergeIndex(path, PAGEFIND_OPTIONS)));
  if (first < paths.length) {
    const count = (list: typeof shards) => list.reduce((n, s) => n + s.papers, 0);
    scope = { searched: count(shards.slice(-first)), total: count(shards), paths };
  }
  readUrl();
  await run();
  form.addEventListener('input', (event) => {
    if (event.target === input) asTyped = false;
    schedule();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  more.addEventListener('click', () => void showMore(generation));
  widenButton.addEventListener('click', () => void widenOnRequest());
  for (const type of ['focusin', 'pointerenter', 'pointerdown'] as const) fieldset.addEventListener(type, wantCounts, { passive: true });
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    fieldset.classList.toggle('is-open', open);
    if (open) wantCounts();
  });
  note.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-search]');
    if (!link) return;
    event.preventDefault();
    input.value = link.dataset.search!;
    asTyped = link.hasAttribute('data-as-typed');
    void run(true, true);
  });
  addEventListener('popstate', () => {
    readUrl();
    void run(false);
  });
}

function readUrl(): void {
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  asTyped = params.get('typed') === '1';
  sortSelect.value = isOrder(params.get('sort') ?? '') ? params.get('sort')! : '';
  for (const control of filterInputs) {
    const value = params.get(control.name) ?? '';
    if (control instanceof HTMLInputElement) control.checked = value === control.value;
    else control.value = optionFor(control, value)?.value ?? '';
  }
}

/**
 * The choice a URL's value names: by value (a slug), or by label as links shared before
 * slugs carried it (`topic=Language+models+%26+NLP`), which then opens the same search.
 */
function optionFor(select: HTMLSelectElement, value: string): HTMLOptionElement | undefined {
  if (value === '') return undefined;
  const options = [...select.options];
  const label = value.trim().toLowerCase();
  return options.find((o) => o.value === value) ?? options.find((o) => o.dataset.label?.toLowerCase() === label);
}

function selectedFilters(): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const control of filterInputs) {
    if (control instanceof HTMLInputElement ? control.checked : control.value !== '') filters[control.name] = control.value;
  }
  return filters;
}

/** The search page's address for a query with the current filters and order. */
function searchUrl(query: string, typed: boolean): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (query && typed) params.set('typed', '1');
  for (const [name, value] of Object.entries(selectedFilters())) params.set(name, value);
  if (sortSelect.value) params.set('sort', sortSelect.value);
  return `${location.pathname}${params.size ? `?${params}` : ''}`;
}

function writeUrl(push: boolean): void {
  const url = searchUrl(input.value.trim(), asTyped);
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

/** Runs the search the form describes; a failure is said in the status line, not left as a busy list. */
async function run(updateUrl = true, push = false): Promise<void> {
  const mine = generation + 1;
  try {
    await runSearch(updateUrl, push);
  } catch (error) {
    if (generation !== mine) return;
    console.error(error);
    list.removeAttribute('aria-busy');
    status.textContent = 'The search could not be finished. Try again, or browse by day, topic or month.';
  }
}

async function runSearch(updateUrl: boolean, push: boolean): Promise<void> {
  const typed = input.value.trim();
  const filters = selectedFilters();
  if (updateUrl) writeUrl(push);
  const active = Object.keys(filters).length;
  toggle.querySelector('[data-active-filters]')!.textContent = active ? ` (${active} set)` : '';
  if (active > 0) countsWanted = true;
  const mine = ++generation;
  // Busy until this search has rendered: assistive tech (and tests) wait for the final list.
  list.setAttribute('aria-busy', 'true');
  delete fieldset.dataset.counts;
  if (!typed && active === 0) {
    showScope(null);
    current = [];
    shownSearch = null;
    list.replaceChildren();
    more.hidden = true;
    showNote(null, typed);
    status.textContent = 'Type words from a title, abstract or author, or pick a filter.';
    list.removeAttribute('aria-busy');
    void updateCounts(mine);
    return;
  }
  const order = sortSelect.value;
  const rank = isOrder(order) ? ranksOf(order).catch((error: unknown) => (console.warn(error), null)) : Promise.resolve(null);
  // A sort order and the filter counts are of the whole archive: they need every shard.
  if (isOrder(order) || countsWanted) await widen();
  let searched = await find(typed || null, filters);
  let results = searched.search && inOrder(searched.search.results, await rank);
  if (mine !== generation || !searched.search || !results) return; // A newer search has started.
  // The first page's data is fetched at once: the spelling check reads the first result's.
  let firstPage = results.slice(0, PAGE).map((r) => r.data());
  // Among the newest papers only, a query word none of them holds may have matched a shorter
  // word instead (query-terms.ts): then every shard is searched before any correction.
  if (searched.partial && typed && (await missesAWord(typed, results, firstPage))) {
    await widen();
    if (mine !== generation) return;
    if (!scope) {
      searched = { search: await pagefind.search(typed, { filters }), partial: null };
      results = searched.search && inOrder(searched.search.results, await rank);
      if (mine !== generation || !searched.search || !results) return;
      firstPage = results.slice(0, PAGE).map((r) => r.data());
    }
  }
  let found: Found = { query: typed };
  if (typed && !asTyped && !/^\s*".+"\s*$/.test(typed)) {
    found = await checkSpelling(typed, results, firstPage, filters).catch((error: unknown) => (console.warn(error), found));
    if (mine !== generation) return;
    if (found.corrected) {
      searched = found.corrected.searched;
      results = inOrder(searched.search!.results, await rank);
      firstPage = results.slice(0, PAGE).map((r) => r.data());
    }
  }
  const partial = searched.partial;
  current = results;
  shown = 0;
  shownSearch = { query: found.corrected?.correction.query ?? typed, filters };
  list.replaceChildren();
  showNote(found, typed);
  status.textContent = current.length === 0 ? 'No papers match.' : `${current.length} ${current.length === 1 ? 'paper' : 'papers'} found.`;
  showScope(partial);
  if (isOrder(order) && !(await rank) && current.length > 0) status.textContent += ' The sort order could not be loaded, so they are shown by relevance.';
  await showMore(mine, firstPage);
  void updateCounts(mine);
}

/** Results in a sort order; stable, so papers missing from it (none, unless the index changed) keep relevance order, last. */
function inOrder(results: PagefindResult[], rank: Map<string, number> | null): PagefindResult[] {
  return rank ? [...results].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity)) : results;
}

/** What the spelling check made of a query: corrected (and the corrected search), a suggestion, or nothing to say. */
interface Found {
  query: string;
  corrected?: { correction: Correction; searched: Searched };
  suggested?: Correction;
}

/**
 * Finds the query words the index did not match and corrects them; or, when the query finds
 * almost nothing, looks for a far commoner word to suggest. The vocabulary is fetched only then.
 */
async function checkSpelling(query: string, results: PagefindResult[], firstPage: Array<Promise<ResultData>>, filters: Record<string, string>): Promise<Found> {
  const none: Found = { query };
  const terms = correctableTerms(query);
  if (terms.length === 0) return none;
  // Every result holds every word that was found, so the first one shown tells which were not.
  let matched: string[] = [];
  let unfound = terms;
  if (results.length > 0) {
    matched = matchedWords({ ...(await firstPage[0]!), matchedMetaFields: results[0]!.matchedMetaFields });
    unfound = terms.filter((t) => !foundByPrefix(t, matched));
  }
  const few = results.length <= FEW;
  if (unfound.length === 0 && !few) return none;
  const typos = await import('./typos.ts');
  if (results.length > 0) unfound = unfound.filter((t) => !typos.isFound(t, matched));
  if (unfound.length === 0 && !few) return none;
  const file = (await entry).vocabulary;
  if (!file) return none;
  const vocabulary = await typos.loadVocabulary(`${base}pagefind/${file}`);
  if (unfound.length > 0) {
    const tried = new Map<string, Searched>();
    const correction = await typos.correctQuery(query, new Set(unfound), vocabulary, async (q) => {
      const result = await find(q, filters);
      if (result.search) tried.set(q, result);
      return (result.search?.results.length ?? 0) > 0;
    });
    if (correction) return { query, corrected: { correction, searched: tried.get(correction.query)! } };
  }
  const suggestion = few ? typos.suggestCommoner(query, vocabulary) : null;
  return suggestion ? { query, suggested: suggestion } : none;
}

/** "Showing results for …; search instead for …", or "Did you mean …?", or nothing. */
function showNote(found: Found | null, typed: string): void {
  note.replaceChildren();
  note.hidden = true;
  delete note.dataset.corrected;
  if (found?.corrected) {
    const { correction } = found.corrected;
    note.dataset.corrected = correction.query;
    note.append('Showing results for ', emphasised(correction.query, correction.changes.map((c) => c.to)), '; search instead for ', link(typed, true), '.');
    note.hidden = false;
  } else if (found?.suggested) {
    const suggestion = link(found.suggested.query, false, found.suggested.changes.map((c) => c.to));
    suggestion.setAttribute('data-did-you-mean', '');
    note.append('Did you mean ', suggestion, '?');
    note.hidden = false;
  }
}

/** A link to search for `query`; `asTyped` marks it as the query not to be corrected. */
function link(query: string, asTypedLink: boolean, changed: string[] = []): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = searchUrl(query, asTypedLink);
  a.dataset.search = query;
  if (asTypedLink) a.setAttribute('data-as-typed', '');
  a.append(emphasised(query, changed));
  return a;
}

/** The query in italics, the corrected words bold. */
function emphasised(query: string, changed: string[]): HTMLElement {
  const em = document.createElement('em');
  for (const word of query.split(/(\s+)/)) {
    if (changed.includes(word)) em.appendChild(document.createElement('strong')).textContent = word;
    else em.append(word);
  }
  return em;
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

/**
 * Draws the next page of results, each as soon as it and those before it have arrived, so
 * the first results show while later ones are still on their way.
 * @param loading the page's data, if already asked for
 */
async function showMore(mine: number, loading?: Array<Promise<ResultData>>): Promise<void> {
  const batch = current.slice(shown, shown + PAGE);
  const data = loading ?? batch.map((r) => r.data());
  list.setAttribute('aria-busy', 'true');
  // One page at a time: a second click while this one arrives would ask for the same results.
  more.disabled = true;
  for (const next of data) {
    const result = await next;
    if (mine !== generation) return;
    list.append(renderResult(result, labelOf, base));
    shown += 1;
  }
  more.disabled = false;
  more.hidden = shown >= current.length;
  list.removeAttribute('aria-busy');
}

function labelOf(filter: string, value: string): string | null {
  const select = selects.find((s) => s.name === filter);
  return (select && [...select.options].find((o) => o.value === value)?.dataset.label) ?? null;
}

function wantCounts(): void {
  // While the newest papers only are searched, the choices keep the whole collection's counts
  // (written in the page): counts of part of the archive would grey out choices older papers hold.
  // Setting a filter or an order searches every shard, and from then on the counts follow.
  if (countsWanted || scope) return;
  countsWanted = true;
  void updateCounts(generation);
}

/** A search's results, and the part of the archive they cover when it is not all of it. */
interface Searched {
  search: PagefindSearch | null;
  partial: Scope | null;
}

/**
 * A search of the shards searched so far; when they find less than a page, of every shard, so
 * a rare word or an old paper's title is found wherever it is. (Spelling is checked after
 * this: a word is a typo only if no shard holds it.)
 */
async function find(query: string | null, filters: Record<string, string>): Promise<Searched> {
  const partial = scope;
  const search = await pagefind.search(query, { filters });
  if (!partial || (search && search.results.length >= PAGE)) return { search, partial };
  await widen();
  return scope ? { search, partial } : { search: await pagefind.search(query, { filters }), partial: null };
}

/**
 * Whether the first result misses a query word: Pagefind then matched a shorter indexed word
 * in its place (query-terms.ts). The stems test (typos.ts) is loaded only when the quick one fails.
 */
async function missesAWord(query: string, results: PagefindResult[], firstPage: Array<Promise<ResultData>>): Promise<boolean> {
  const terms = correctableTerms(query);
  if (terms.length === 0 || results.length === 0) return false;
  const matched = matchedWords({ ...(await firstPage[0]!), matchedMetaFields: results[0]!.matchedMetaFields });
  const unfound = terms.filter((t) => !foundByPrefix(t, matched));
  if (unfound.length === 0) return false;
  const typos = await import('./typos.ts');
  return unfound.some((t) => !typos.isFound(t, matched));
}

/**
 * Searches every shard from now on: a Pagefind of its own merges them all, and replaces the one
 * in use once it has them. The shards' entries and metadata are fetched first: if one cannot load,
 * nothing is merged and searches stay with the shards they had (Pagefind, once it has merged a
 * shard that fails, fails every search).
 */
function widen(): Promise<void> {
  const wide = scope;
  if (!wide) return Promise.resolve();
  widening ??= (async () => {
    const older = wide.paths.slice(0, -1);
    try {
      await Promise.all(older.map(fetchShardStart));
      const all = pagefindModule.createInstance!({ ...PAGEFIND_OPTIONS, basePath: wide.paths.at(-1) });
      await all.init();
      await Promise.all(older.map((path) => all.mergeIndex(path, PAGEFIND_OPTIONS)));
      pagefind = all;
      allFilters = undefined;
      scope = null;
    } catch (error) {
      // Asked again next time (the button stays); the instance that failed is left unused.
      console.warn('search: the older papers could not be loaded', error);
      widening = undefined;
    }
  })();
  return widening;
}

/**
 * A shard's entry and metadata, as Pagefind loads them (the metadata then comes from the
 * browser's cache, or the service worker's); throws if either cannot be fetched.
 */
async function fetchShardStart(path: string): Promise<void> {
  const response = await fetch(`${path}pagefind-entry.json`);
  if (!response.ok) throw new Error(`${path}pagefind-entry.json: HTTP ${response.status}`);
  const { languages } = (await response.json()) as Pick<PagefindEntry, 'languages'>;
  await Promise.all(
    Object.values(languages).map(async ({ hash }) => {
      const meta = await fetch(`${path}${metaFile(hash)}`);
      if (!meta.ok) throw new Error(`${path}${metaFile(hash)}: HTTP ${meta.status}`);
      await meta.arrayBuffer();
    }),
  );
}

/** The reader asked to search every paper: the button says it is at work, then focus goes to the new status. */
async function widenOnRequest(): Promise<void> {
  widenButton.disabled = true;
  widenButton.textContent = `Searching all ${scope?.total.toLocaleString('en-US') ?? ''} papers…`;
  await widen();
  await run(false);
  widenButton.disabled = false;
  status.focus();
}

/** Says when results are of the most recently listed papers only, with a button to search them all. */
function showScope(partial: Scope | null): void {
  widenButton.hidden = partial === null;
  if (!partial) return;
  status.textContent = status.textContent!.replace(/\.$/, '') + ` among the ${partial.searched.toLocaleString('en-US')} most recently listed papers.`;
  widenButton.textContent = `Search all ${partial.total.toLocaleString('en-US')} papers`;
}

/**
 * Each filter choice's count for the search shown: how many papers it would find. A filter
 * that is set counts as if it were not, so its other choices say what switching would find.
 * With no search, the counts of the whole collection written into the page.
 */
async function updateCounts(mine: number): Promise<void> {
  if (!countsWanted) return;
  const counts: FilterCounts = {};
  if (shownSearch) {
    allFilters ??= pagefind.filters();
    await allFilters;
    const { query, filters } = shownSearch;
    const searchWithout = async (name: string | null) => {
      const others = Object.fromEntries(Object.entries(filters).filter(([n]) => n !== name));
      return (await pagefind.search(query || null, { filters: others }))?.filters ?? {};
    };
    const all = await searchWithout(null);
    for (const select of selects) counts[select.name] = filters[select.name] ? (await searchWithout(select.name))[select.name] ?? {} : all[select.name] ?? {};
  }
  if (mine !== generation) return;
  for (const select of selects) {
    for (const option of [...select.options].slice(1)) {
      const count = shownSearch ? (counts[select.name]?.[option.value] ?? 0) : Number(option.dataset.count);
      option.textContent = `${option.dataset.label} (${count})`;
      option.disabled = count === 0 && !option.selected;
    }
  }
  fieldset.dataset.counts = shownSearch ? 'search' : 'all';
}

start().catch((error: unknown) => {
  list.removeAttribute('aria-busy');
  status.textContent = 'Search could not load. Browse by day, topic or month instead.';
  console.error(error);
});
