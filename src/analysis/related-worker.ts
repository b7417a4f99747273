/**
 * The worker thread that works related papers out ahead (related-ahead.ts), and the function
 * that starts it: it reads the paper files, takes their stem counts from the last build's file
 * where their text is unchanged (term-counts.ts), and posts every paper's related papers with
 * the fingerprint of the papers it read.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { readPaperFolder } from '../papers/read.ts';
import { shownText } from '../papers/view.ts';
import { writeAtomic } from '../utils/atomic-write.ts';
import { expectRelatedAhead, relatable, workOutAhead, type RelatedAhead } from './related-ahead.ts';
import { TermCounts } from './term-counts.ts';

/** What the worker is given. */
export interface RelatedWorkerInput {
  papersDir: string;
  /** The parse cache of paper files (src/papers/read.ts). */
  papersCacheDir?: string | undefined;
  /** Where stem counts are kept from one build to the next; none when unset. */
  termCountsFile?: string | undefined;
}

/** Marks the worker's input in its `workerData`. */
const WORKER = 'paper-digest:related-ahead';

/**
 * Starts the worker, and gives its answer (null when it failed: the pages then work related
 * papers out themselves); the pages of this process wait for the last one started.
 */
export function startRelatedAhead(input: RelatedWorkerInput): Promise<RelatedAhead | null> {
  const answer = new Promise<RelatedAhead | null>((resolve) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { [WORKER]: input } });
    // The pages wait for the answer; nothing else should wait for the worker (a build that fails early).
    worker.unref();
    worker.once('message', (message: RelatedAhead) => resolve(message));
    // A worker that fails (broken paper files, which the content loader names) leaves the pages to work them out.
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  expectRelatedAhead(answer);
  return answer;
}

/** The version of the counting code, so that counts kept by another version are not used. */
function countingVersion(): string {
  const hash = createHash('sha256');
  for (const source of ['./term-counts.ts', './terms.ts']) hash.update(readFileSync(new URL(source, import.meta.url)));
  const require = createRequire(import.meta.url);
  for (const name of ['wink-porter2-stemmer', 'stopword']) hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}`);
  return hash.digest('base64url');
}

function readCounts(file: string | undefined, version: string): TermCounts {
  if (file === undefined) return new TermCounts();
  try {
    return TermCounts.fromFile(deserialize(readFileSync(file)), version);
  } catch {
    // None yet, or unreadable: every paper is counted.
    return new TermCounts();
  }
}

async function work({ papersDir, papersCacheDir, termCountsFile }: RelatedWorkerInput): Promise<RelatedAhead> {
  // The fields related papers read, as the pages' views have them (toPaperView), without the rest of a view.
  const papers = (await readPaperFolder(papersDir, { cacheDir: papersCacheDir })).map(({ slug, data, body }) => {
    const shown = shownText(data.title, body);
    return relatable({ slug, title: shown.title, abstract: shown.body.trim(), topics: data.topics, titleKey: data.titleKey });
  });
  const version = countingVersion();
  const counts = readCounts(termCountsFile, version);
  const answer = workOutAhead(papers, counts);
  if (termCountsFile !== undefined && counts.changed) {
    mkdirSync(dirname(termCountsFile), { recursive: true });
    await writeAtomic(termCountsFile, serialize(counts.toFile(version)));
  }
  return answer;
}

// Only in the thread startRelatedAhead() starts: other threads (a test runner's) may import this module too.
const input = isMainThread ? undefined : (workerData as Record<string, RelatedWorkerInput> | null)?.[WORKER];
if (input !== undefined) parentPort!.postMessage(await work(input));
