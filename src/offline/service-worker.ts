/**
 * The service worker: keeps the site readable and searchable without a connection.
 *
 * - Each build gets its own cache. Installing fills it with the build's shell (home,
 *   search and offline pages, CSS/JS, Pagefind's runtime, metadata and filters), checking
 *   every file against the hash the build step recorded; once a reader has saved the site
 *   for offline, it also fills the whole index and the latest digests (from the build's
 *   offline manifest). Only when that is complete does the worker take over, carry over
 *   what the older cache still has to offer, and drop it: the worker in charge always
 *   serves one complete build.
 * - Pages: network first (kept as they are read), the kept copy when offline.
 * - Content-hashed files (Astro assets, Pagefind chunks and metadata): cache first; the
 *   chunks a search loads are kept, so that search keeps working offline.
 * - Papers a reader saves (src/personal) are kept on request (`keep` message), like pages read.
 * - `pagefind-entry.json` decides which index a search uses. Online, the worker passes on
 *   the published one (even one newer than its build: everything it leads to is named by
 *   content hash, so it is served whole from the network); offline, or if the published one
 *   needs a different Pagefind version than the cached runtime, it serves its build's own.
 *
 * Built into `<base>sw.js` by scripts/build-offline.ts, which prepends OFFLINE_BUILD.
 */
import { buildCacheName, isBuildCacheOf, settingsCacheName } from './cache-names.ts';
import { contentHash } from './content-hash.ts';
import { MANIFEST_PATH, OFFLINE_PAGE, saveSet, totalBytes, type OfflineFile, type OfflineManifest } from './manifest.ts';
import type { OfflinePlan, OfflineReply, OfflineRequest } from './messages.ts';
import { assetsOfPage, isPaperPage, isSearchChunk, routeOf } from './site-paths.ts';
import { forEachConcurrently } from '../utils/concurrency.ts';

// The few service-worker types used here. (TypeScript's "webworker" lib cannot be loaded
// next to the DOM lib the rest of the project is checked with.)
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}
interface WorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}
declare const self: WorkerScope;
/** This build: its id and its shell, with sizes and hashes (the full lists are in the manifest, fetched when needed). */
declare const OFFLINE_BUILD: { id: string; shell: OfflineFile[] };

/** How long a page or the search entry may keep the reader waiting before a kept copy is shown instead. */
const NETWORK_PATIENCE_MS = 4000;
const PARALLEL_DOWNLOADS = 6;

const scope = self.registration.scope;
const scopePath = new URL(scope).pathname;
const CACHE = buildCacheName(scope, OFFLINE_BUILD.id);
const at = (path: string) => new URL(path, scope).href;
const SAVED_KEY = at('offline/saved-by-reader');
/** Set on chunks an update carried over from an older cache; cleared when a search uses them again. */
const CARRIED = 'X-Offline-Carried-Over';

/** The published site is no longer the build this worker serves. */
class OutdatedError extends Error {}

self.addEventListener('install', (event) => event.waitUntil(install()));
self.addEventListener('activate', (event) => event.waitUntil(activate()));

async function install(): Promise<void> {
  const cache = await caches.open(CACHE);
  // A throw leaves the older worker in charge; the browser retries at a later visit.
  await fill(cache, (await savedByReader()) ? saveSet(await ownManifest(cache)) : OFFLINE_BUILD.shell);
  await self.skipWaiting();
}

async function activate(): Promise<void> {
  const cache = await caches.open(CACHE);
  for (const name of await olderCaches()) {
    await carryOver(await caches.open(name), cache);
    await caches.delete(name);
  }
  await self.clients.claim();
}

/**
 * Keeps what an older build's cache still has to offer: the pages read (with the assets
 * they link), and the search chunks loaded. A chunk's name is its content, so one this build
 * still has is served as is, and one it lacks is never asked for again; carried-over chunks
 * are marked, and a mark not cleared by use before the next update drops them then.
 */
async function carryOver(from: Cache, to: Cache): Promise<void> {
  const assets = new Set<string>();
  for (const request of await from.keys()) {
    const response = await from.match(request);
    if (!response || (await to.match(request))) continue;
    if (response.headers.get('content-type')?.startsWith('text/html')) {
      for (const asset of assetsOfPage(await response.clone().text())) assets.add(at(asset));
      await to.put(request, response);
    } else if (isSearchChunk(request.url.slice(scope.length)) && !response.headers.has(CARRIED)) {
      await to.put(request, await withHeader(response, CARRIED, '1'));
    }
  }
  for (const url of assets) {
    const response = await from.match(url);
    if (response && !(await to.match(url))) await to.put(url, response);
  }
}

async function withHeader(response: Response, name: string, value: string | null): Promise<Response> {
  const headers = new Headers(response.headers);
  if (value === null) headers.delete(name);
  else headers.set(name, value);
  return new Response(await response.arrayBuffer(), { status: response.status, headers });
}

/**
 * Stores every file of the list that the cache lacks: copied from an older build's cache
 * when its content is the same, else downloaded and checked against the manifest's hash.
 */
async function fill(cache: Cache, files: OfflineFile[], progress?: (file: OfflineFile) => void): Promise<void> {
  const older = await Promise.all((await olderCaches()).map((name) => caches.open(name)));
  await forEachConcurrently(files, PARALLEL_DOWNLOADS, async (file) => {
    const url = at(file.path);
    if (!(await cache.match(url))) await cache.put(url, (await sameIn(older, url, file.hash)) ?? (await download(url, file.hash)));
    progress?.(file);
  });
}

async function sameIn(older: Cache[], url: string, hash: string): Promise<Response | undefined> {
  for (const cache of older) {
    const response = await cache.match(url);
    if (response && (await contentHash(await response.clone().arrayBuffer())) === hash) return response;
  }
  return undefined;
}

async function download(url: string, hash: string): Promise<Response> {
  const response = await fetch(url, { cache: 'no-cache' });
  // A file of this build that is gone or different: the site has been published again.
  if (!response.ok) throw new OutdatedError(`${url}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  if ((await contentHash(body)) !== hash) throw new OutdatedError(`${url} has changed`);
  // A fresh response: no redirect flag (browsers refuse those for navigations), no stale length.
  return new Response(body, { headers: { 'Content-Type': response.headers.get('content-type') ?? 'application/octet-stream' } });
}

async function olderCaches(): Promise<string[]> {
  return (await caches.keys()).filter((name) => isBuildCacheOf(name, scope) && name !== CACHE);
}

/** This build's full offline manifest: kept once fetched, and checked to be this build's. */
async function ownManifest(cache: Cache): Promise<OfflineManifest> {
  const kept = await cache.match(at(MANIFEST_PATH));
  if (kept) return (await kept.json()) as OfflineManifest;
  const response = await fetch(at(MANIFEST_PATH), { cache: 'no-cache' });
  if (!response.ok) throw new Error(`the offline manifest could not be loaded (HTTP ${response.status})`);
  const manifest = (await response.json()) as OfflineManifest;
  // Published again since this worker was fetched: the next update check brings the newer one.
  if (manifest.buildId !== OFFLINE_BUILD.id) throw new OutdatedError('the site has been updated since this page was loaded');
  await cache.put(at(MANIFEST_PATH), Response.json(manifest));
  return manifest;
}

async function savedByReader(): Promise<boolean> {
  return (await (await caches.open(settingsCacheName(scope))).match(SAVED_KEY)) !== undefined;
}

// ---- Serving ----

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  const path = new URL(request.url).pathname.slice(scopePath.length);
  const route = routeOf(path, request.mode === 'navigate');
  if (route === 'page') event.respondWith(page(request, at(path), event));
  else if (route === 'immutable') event.respondWith(immutable(request, at(path), event));
  else if (route === 'search-entry') event.respondWith(searchEntry(request, path));
  else if (route === 'search-runtime') event.respondWith(cacheFirst(request, at(path)));
  else event.respondWith(networkFirst(request, at(path)));
});

async function page(request: Request, key: string, event: FetchEvent): Promise<Response> {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(key);
  const network = fetch(request).then(async (response) => {
    if (response.ok && response.headers.get('content-type')?.startsWith('text/html')) await cache.put(key, response.clone());
    return response;
  });
  // If the kept copy is shown first, the fresh one still replaces it for next time.
  event.waitUntil(network.catch(() => undefined));
  try {
    return await (kept ? patiently(network, kept) : network);
  } catch {
    return kept ?? (await cache.match(at(OFFLINE_PAGE))) ?? Response.error();
  }
}

async function immutable(request: Request, key: string, event: FetchEvent): Promise<Response> {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(key);
  if (kept?.headers.has(CARRIED)) event.waitUntil(withHeader(kept.clone(), CARRIED, null).then((fresh) => cache.put(key, fresh)));
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(key, response.clone());
  return response;
}

/** Pagefind asks for `pagefind-entry.json?ts=<now>` (the index's and each shard's), its own cache buster; the kept copy has no query. */
async function searchEntry(request: Request, path: string): Promise<Response> {
  const kept = await (await caches.open(CACHE)).match(at(path));
  if (!kept) return fetch(request);
  try {
    const published = await patiently(fetch(request), kept);
    if (published === kept || !published.ok) return kept;
    const [now, own] = await Promise.all([published.clone().json(), kept.clone().json()]);
    return (now as { version?: string }).version === (own as { version?: string }).version ? published : kept;
  } catch {
    return kept;
  }
}

async function cacheFirst(request: Request, key: string): Promise<Response> {
  return (await (await caches.open(CACHE)).match(key)) ?? fetch(request);
}

async function networkFirst(request: Request, key: string): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const kept = await (await caches.open(CACHE)).match(key);
    if (kept) return kept;
    throw error;
  }
}

/** The network's answer, or the kept copy if the network takes too long (a weak signal). */
function patiently(network: Promise<Response>, kept: Response): Promise<Response> {
  return Promise.race([network, new Promise<Response>((resolve) => setTimeout(() => resolve(kept), NETWORK_PATIENCE_MS))]);
}

// ---- "Save for offline" ----

self.addEventListener('message', (event) => {
  const port = event.ports[0];
  const request = event.data as OfflineRequest | null;
  if (!port || typeof request?.type !== 'string') return;
  const reply = (message: OfflineReply) => port.postMessage(message);
  if (request.type === 'plan') event.waitUntil(plan().then(reply, (error: unknown) => reply(failure(error))));
  else if (request.type === 'save') event.waitUntil(save(reply));
  else if (request.type === 'keep') event.waitUntil(keep(request.paths).then(reply, (error: unknown) => reply(failure(error))));
});

async function plan(): Promise<OfflinePlan> {
  const cache = await caches.open(CACHE);
  const manifest = await ownManifest(cache);
  const files = saveSet(manifest);
  const kept = await Promise.all(files.map(async (f) => (await cache.match(at(f.path))) !== undefined));
  return {
    type: 'plan',
    buildId: OFFLINE_BUILD.id,
    days: manifest.recent.days,
    papers: manifest.recent.papers,
    totalBytes: totalBytes(files),
    missingBytes: totalBytes(files.filter((_, i) => !kept[i])),
    saved: await savedByReader(),
  };
}

async function save(reply: (message: OfflineReply) => void): Promise<void> {
  try {
    const cache = await caches.open(CACHE);
    const files = saveSet(await ownManifest(cache));
    const total = totalBytes(files);
    let done = 0;
    reply({ type: 'progress', doneBytes: 0, totalBytes: total });
    await fill(cache, files, (file) => {
      done += file.bytes;
      reply({ type: 'progress', doneBytes: done, totalBytes: total });
    });
    // A newer worker took over meanwhile and dropped this build's cache.
    if (!(await caches.has(CACHE))) throw new OutdatedError('the site was updated while saving');
    // From now on, every update fills the whole set before it takes over.
    await (await caches.open(settingsCacheName(scope))).put(SAVED_KEY, Response.json({ savedAt: new Date().toISOString() }));
    reply({ type: 'done', totalBytes: total });
  } catch (error) {
    if (error instanceof OutdatedError) void self.registration.update().catch(() => undefined);
    reply(failure(error));
  }
}

/**
 * Keeps the pages of papers a reader saved, with the assets they link, in this build's cache.
 * Pages kept this way are carried over to newer builds like every page read (carryOver).
 */
async function keep(paths: unknown): Promise<OfflineReply> {
  const cache = await caches.open(CACHE);
  const pages = (Array.isArray(paths) ? paths : []).filter((p): p is string => typeof p === 'string' && isPaperPage(p));
  const kept: string[] = [];
  for (const path of pages) {
    let html = await (await cache.match(at(path)))?.text();
    if (html === undefined) {
      const response = await fetch(at(path), { cache: 'no-cache' });
      const type = response.headers.get('content-type') ?? '';
      if (!response.ok || !type.startsWith('text/html')) continue;
      html = await response.text();
      // A fresh response, as in download(): a redirected one is refused for navigations.
      await cache.put(at(path), new Response(html, { headers: { 'Content-Type': type } }));
    }
    for (const asset of assetsOfPage(html)) {
      if (await cache.match(at(asset))) continue;
      const response = await fetch(at(asset));
      if (response.ok) await cache.put(at(asset), response);
    }
    kept.push(path);
  }
  return { type: 'kept', paths: kept };
}

function failure(error: unknown): OfflineReply {
  return { type: 'failed', reason: error instanceof Error ? error.message : String(error), outdated: error instanceof OutdatedError };
}
