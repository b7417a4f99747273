/**
 * One day of Hugging Face's Daily Papers, fetched into `content/listings/YYYY-MM-DD-daily.json`,
 * the listing ingest reads (src/listing/daily-papers.ts). The API pages a day with `p` (from 0)
 * and `limit` (50 by default), as `huggingface_hub`'s `list_daily_papers` passes them. Every page
 * is fetched before anything is written, and the file is written atomically: a failed or killed
 * fetch leaves no file, or the one that was there.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from '../utils/atomic-write.ts';
import { DEFAULT_POLICY, FetchError, jsonGetter, type RetryPolicy } from './get-json.ts';

export interface FetchDayOptions {
  /** The day, `YYYY-MM-DD`. */
  date: string;
  listingsDir: string;
  /** The API's address, e.g. `https://huggingface.co/api/daily_papers`. */
  apiUrl: string;
  /** Fetch the day again even if its file is there. */
  force?: boolean;
  /** Items asked for per request. */
  pageSize?: number;
  policy?: Partial<RetryPolicy>;
  onRetry?: (line: string) => void;
}

export type FetchDayResult =
  | { kind: 'written'; path: string; papers: number; pages: number }
  | { kind: 'exists'; path: string }
  | { kind: 'empty'; path: string };

/** The API's own default page size. */
export const DEFAULT_PAGE_SIZE = 50;
// A busy day holds about a hundred papers; a server still paging after this many is not the API.
const MAX_PAGES = 40;

export function dailyListingPath(listingsDir: string, date: string): string {
  return join(listingsDir, `${date}-daily.json`);
}

export async function fetchDay(options: FetchDayOptions): Promise<FetchDayResult> {
  const path = dailyListingPath(options.listingsDir, options.date);
  if (!options.force && existsSync(path)) return { kind: 'exists', path };
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const get = jsonGetter({ ...DEFAULT_POLICY, ...options.policy }, options.onRetry);
  const items: unknown[] = [];
  const seen = new Set<string>();
  let pages = 0;
  for (;;) {
    if (pages === MAX_PAGES) throw new FetchError(`${options.apiUrl} was still paging after ${MAX_PAGES} pages of ${pageSize}; is it the Daily Papers API?`);
    const url = new URL(options.apiUrl);
    url.searchParams.set('date', options.date);
    url.searchParams.set('limit', String(pageSize));
    url.searchParams.set('p', String(pages));
    const page = await get(url);
    pages++;
    if (!Array.isArray(page)) throw new FetchError(`${url.host} answered with JSON that is not a list of papers: ${JSON.stringify(page).slice(0, 120)}`);
    // Papers submitted while paging shift the pages: an item seen already is not taken twice.
    let added = 0;
    for (const item of page) {
      const id = paperId(item);
      if (id !== null && seen.has(id)) continue;
      if (id !== null) seen.add(id);
      items.push(item);
      added++;
    }
    // A short page is the last; so is one with nothing new (a server ignoring `p`).
    if (page.length < pageSize || added === 0) break;
  }
  if (items.length === 0) return { kind: 'empty', path };
  await mkdir(options.listingsDir, { recursive: true });
  await writeAtomic(path, `${JSON.stringify(items, null, 2)}\n`);
  return { kind: 'written', path, papers: items.length, pages };
}

function paperId(item: unknown): string | null {
  const paper = (item as { paper?: { id?: unknown } } | null)?.paper;
  return typeof paper?.id === 'string' ? paper.id : null;
}
