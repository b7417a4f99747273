/**
 * The worker thread that works related papers out ahead (related-ahead.ts), and the function
 * that starts it: it reads the paper files, takes their stem counts from the last build's file
 * where their text is unchanged (term-counts-file.ts), keeps the counts for the next build, and
 * posts every paper's related papers with the fingerprint of the papers it read.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { BrokenPaperFilesError, readPaperFolder } from '../papers/read.ts';
import { firstListed, shownText } from '../papers/view.ts';
import { expectRelatedAhead, relatableFromFile, workOutAhead, type RelatedAhead } from './related-ahead.ts';
import { loadTermCounts, saveTermCounts } from './term-counts-file.ts';
import { TermCounts } from './term-counts.ts';

/** What the worker is given. */
export interface RelatedWorkerInput {
  papersDir: string;
  /** The parse cache of paper files (src/papers/read.ts). */
  papersCacheDir?: string | undefined;
  /** Where stem counts are kept from one build to the next; none when unset. */
  termCountsFile?: string | undefined;
}

/** What the worker posts: its answer, or that paper files are broken (the content loader names them). */
type WorkerMessage = { answer: RelatedAhead } | { brokenFiles: true };

/** Marks the worker's input in its `workerData`. */
const WORKER = 'paper-digest:related-ahead';
/** Tells a worker started with `ready` that the papers are ready. */
const GO = 'paper-digest:papers-ready';

/**
 * Starts the worker, and gives its answer (null when it failed: the pages then work related
 * papers out themselves) and when it has ended; the pages of this process wait for the answer
 * of the last one started. The worker is not unref'd: while the pages wait for it, it is what
 * keeps `astro build` running. Given `ready`, it waits until that says the papers are ready
 * before it reads them, and ends without an answer if it says they will not be.
 */
export function startRelatedAhead(input: RelatedWorkerInput, ready?: Promise<boolean>): { answer: Promise<RelatedAhead | null>; ended: Promise<void> } {
  const worker = new Worker(new URL(import.meta.url), { workerData: { [WORKER]: { ...input, waitForGo: ready !== undefined } } });
  // Started before the papers are ready: it reads them when told to, or ends unheard.
  ready?.then((go) => (go ? worker.postMessage(GO) : void worker.terminate()));
  const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const answer = new Promise<RelatedAhead | null>((resolve) => {
    worker.on('message', (message: WorkerMessage) => resolve('answer' in message ? message.answer : null));
    worker.once('error', (error) => {
      console.warn(`related papers: the worker that works them out ahead failed (${error.message.split('\n')[0]}); the pages work them out instead`);
      resolve(null);
    });
    void ended.then(() => resolve(null));
  });
  expectRelatedAhead(answer);
  return { answer, ended };
}

async function work({ papersDir, papersCacheDir, termCountsFile, waitForGo }: RelatedWorkerInput & { waitForGo?: boolean }): Promise<void> {
  if (waitForGo) await new Promise((resolve) => parentPort!.once('message', resolve));
  let stored;
  try {
    stored = await readPaperFolder(papersDir, { cacheDir: papersCacheDir });
  } catch (error) {
    if (!(error instanceof BrokenPaperFilesError)) throw error;
    parentPort!.postMessage({ brokenFiles: true } satisfies WorkerMessage);
    return;
  }
  // The fields related papers read, as the pages' views have them (toPaperView), without the rest of a view.
  const papers = stored.map(({ slug, data, body, digest }) => {
    const shown = shownText(data.title, body);
    return relatableFromFile({ slug, title: shown.title, abstract: shown.body.trim(), topics: data.topics, titleKey: data.titleKey, firstSeen: firstListed(data.listings) }, digest);
  });
  stored = undefined;
  const counts = termCountsFile === undefined ? new TermCounts() : loadTermCounts(termCountsFile);
  const answer = workOutAhead(papers, counts);
  // Kept before answering: at 100,000 papers the file's copy of the counts (some 250 MB while it is
  // written) would otherwise be made while the pages render, at the build's memory peak.
  if (termCountsFile !== undefined && counts.changed) {
    try {
      await saveTermCounts(counts, termCountsFile);
    } catch (error) {
      // Only a saving for the next build, which counts every paper again.
      console.warn(`related papers: the stem counts could not be kept in ${termCountsFile} (${(error as Error).message})`);
    }
  }
  parentPort!.postMessage({ answer } satisfies WorkerMessage);
}

// Only in the thread startRelatedAhead() starts: other threads (a test runner's) may import this module too.
const input = isMainThread ? undefined : (workerData as Record<string, RelatedWorkerInput> | null)?.[WORKER];
if (input !== undefined) await work(input);
