/**
 * The reader's stored data (src/personal), read and written with the browser's own IndexedDB
 * API, as the site stores it: one database per site, named for its base path, with one store.
 * For setting up a state a reader would have reached over days (an earlier last visit) and for
 * waiting until a page has written what it should.
 */
import type { Page } from 'playwright-core';

const database = (basePath: string) => `paper-digest ${basePath}`;

/** Every stored entry, by key; empty when the site has stored nothing yet. */
export async function storedEntries(page: Page, basePath: string): Promise<Record<string, unknown>> {
  return page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((d) => d.name === name)) return {};
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains('personal')) return {};
      const store = db.transaction('personal').objectStore('personal');
      const [keys, values] = await Promise.all(
        [store.getAllKeys(), store.getAll()].map((r) => new Promise<unknown[]>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))))),
      );
      return Object.fromEntries(keys!.map((k, i) => [String(k), values![i]]));
    } finally {
      db.close();
    }
  }, database(basePath));
}

/** Writes entries as if the site had stored them (call on a page of the site that stores nothing itself). */
export async function putStored(page: Page, basePath: string, entries: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    async ({ name, entries }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onupgradeneeded = () => request.result.createObjectStore('personal');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction('personal', 'readwrite');
      for (const [key, value] of Object.entries(entries)) tx.objectStore('personal').put(value, key);
      await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
      db.close();
    },
    { name: database(basePath), entries },
  );
}

/** The slugs the store marks seen. */
export async function seenSlugs(page: Page, basePath: string): Promise<string[]> {
  return Object.keys(await storedEntries(page, basePath))
    .filter((k) => k.startsWith('seen:'))
    .map((k) => k.slice('seen:'.length))
    .sort();
}

/** Slugs of the paper cards in a list, in order. */
export async function listedSlugs(page: Page, list: string): Promise<string[]> {
  return page.locator(`${list} [data-paper]`).evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.paper!));
}
