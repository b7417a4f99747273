/**
 * The reader's data in this browser: IndexedDB through idb-keyval (async, so a long seen list
 * never blocks a page the way localStorage would; about 0.7 KB gzipped). Where the browser
 * refuses storage (some private windows, storage turned off) or holds data of a newer version
 * of the site, the data lives in memory for this page and a notice says so. A storage error
 * never breaks a page: every operation here resolves, at worst to an empty answer.
 */
import { clear, createStore, entries, get, getMany, set, setMany, update, type UseStore } from 'idb-keyval';
import type { SavedPaper } from '../schema.ts';
import { KEYS, seenKey } from '../stored.ts';
import { SCHEMA_VERSION } from '../version.ts';
import { recordVisit, type Visits } from '../visits.ts';
import type { WatchRule } from '../watch.ts';
import { showNotice } from './notice.ts';
import { upgradeStored } from './upgrade.ts';

export interface KeyValue {
  get(key: string): Promise<unknown>;
  getMany(keys: string[]): Promise<unknown[]>;
  set(key: string, value: unknown): Promise<void>;
  setMany(pairs: Array<[string, unknown]>): Promise<void>;
  update<T>(key: string, change: (old: T | undefined) => T): Promise<void>;
  entries(): Promise<Array<[IDBValidKey, unknown]>>;
  clear(): Promise<void>;
}

interface Store {
  kv: KeyValue;
  /** Why the data lives in this page only; null when the browser keeps it. */
  notKept: string | null;
  visits: Visits;
}

const NOT_KEPT = 'This browser keeps nothing for this site (a private window, or site data off): what you save or watch lasts while this page is open.';
const NEWER = 'A newer version of this site stored your saved papers: reload to see them. Until then, changes here are not kept.';

/** Stored data of a newer version of the site, which this page must not touch. */
class NewerData extends Error {}

// One database per site: every GitHub Pages project site of an account shares one origin.
const DATABASE = `paper-digest ${import.meta.env.BASE_URL}`;

function indexedStore(store: UseStore): KeyValue {
  return {
    get: (key) => get(key, store),
    getMany: (keys) => getMany(keys, store),
    set: (key, value) => set(key, value, store),
    setMany: (pairs) => setMany(pairs, store),
    update: (key, change) => update(key, change, store),
    entries: () => entries(store),
    clear: () => clear(store),
  };
}

function memoryStore(): KeyValue {
  const map = new Map<string, unknown>();
  return {
    get: async (key) => map.get(key),
    getMany: async (keys) => keys.map((k) => map.get(k)),
    set: async (key, value) => void map.set(key, value),
    setMany: async (pairs) => pairs.forEach(([k, v]) => map.set(k, v)),
    update: async (key, change) => void map.set(key, change(map.get(key) as never)),
    entries: async () => [...map],
    clear: async () => map.clear(),
  };
}

let opened: Promise<Store> | undefined;

/** The store, opened once per page; the visit is recorded as it opens. */
export function store(): Promise<Store> {
  opened ??= open();
  return opened;
}

async function open(): Promise<Store> {
  const newestDay = document.body.dataset.latestDay;
  try {
    const kv = indexedStore(createStore(DATABASE, 'personal'));
    const version = await kv.get(KEYS.version);
    if (version === undefined) await kv.set(KEYS.version, SCHEMA_VERSION);
    else if (Number(version) > SCHEMA_VERSION) throw new NewerData(`stored data version ${version}`);
    else if (version !== SCHEMA_VERSION) await upgradeStored(kv, Number(version));
    let visits!: Visits;
    await kv.update<Visits>(KEYS.visits, (old) => (visits = recordVisit(old, newestDay)));
    return { kv, notKept: null, visits };
  } catch (error) {
    console.warn('Saved papers are kept for this page only:', error);
    return { kv: memoryStore(), notKept: error instanceof NewerData ? NEWER : NOT_KEPT, visits: recordVisit(undefined, newestDay) };
  }
}

/** Says, once per page, that what the reader does here is not kept (when that is so). */
export async function noticeIfNotKept(): Promise<void> {
  const { notKept } = await store();
  if (notKept) showNotice(notKept);
}

/** Runs a storage operation; on failure, warns, tells the reader and answers `fallback`. */
export async function safely<T>(operation: (kv: KeyValue) => Promise<T>, fallback: T, write = false): Promise<T> {
  try {
    const { kv } = await store();
    if (write) void noticeIfNotKept();
    return await operation(kv);
  } catch (error) {
    console.warn('Storage failed:', error);
    if (write) showNotice('This browser could not store that change (is its storage full?): it lasts while this page is open.');
    return fallback;
  }
}

export async function visits(): Promise<Visits> {
  return (await store()).visits;
}

export function setVisits(visits: Visits): Promise<void> {
  opened = opened?.then((s) => ({ ...s, visits }));
  return safely((kv) => kv.set(KEYS.visits, visits), undefined, true);
}

/** Saved papers, newest saved first. */
export function savedPapers(): Promise<SavedPaper[]> {
  return safely(async (kv) => ((await kv.get(KEYS.saved)) as SavedPaper[] | undefined) ?? [], []);
}

export function setSaved(paper: SavedPaper, on: boolean): Promise<void> {
  return safely(
    (kv) =>
      kv.update<SavedPaper[]>(KEYS.saved, (list = []) => {
        const rest = list.filter((p) => p.slug !== paper.slug);
        return on ? [paper, ...rest] : rest;
      }),
    undefined,
    true,
  );
}

/** Which of these papers the reader has seen. */
export function seenAmong(slugs: string[]): Promise<Set<string>> {
  return safely(async (kv) => {
    const marks = await kv.getMany(slugs.map(seenKey));
    return new Set(slugs.filter((_, i) => marks[i] !== undefined));
  }, new Set<string>());
}

export function markSeen(slugs: string[]): Promise<void> {
  return safely((kv) => kv.setMany(slugs.map((slug) => [seenKey(slug), 1])), undefined);
}

export function watchRules(): Promise<WatchRule[]> {
  return safely(async (kv) => ((await kv.get(KEYS.watch)) as WatchRule[] | undefined) ?? [], []);
}

export function changeWatchRules(change: (rules: WatchRule[]) => WatchRule[]): Promise<void> {
  return safely((kv) => kv.update<WatchRule[]>(KEYS.watch, (rules = []) => change(rules)), undefined, true);
}
