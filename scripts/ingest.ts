/**
 * `npm run ingest -- [options] [files or folders]`: turns captured listings into
 * `content/papers/<slug>.md`. See docs/ingest.md.
 */
import { mkdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { LockedError, lockPapers, lockPath } from '../src/papers/lock.ts';
import { codeAndWords, errorCode } from '../src/utils/file-errors.ts';
import { CONTENT, env } from '../src/config.ts';
import { ingest, type IngestReport } from '../src/papers/ingest.ts';
import { classifyTopics, topicFiling } from '../src/analysis/classify.ts';
import { progressDisplay } from './ingest-progress.ts';
import { parseIsoDate } from '../src/listing/dates.ts';
import { loadTaxonomy, TaxonomyError, type Taxonomy } from '../src/analysis/taxonomy.ts';
import type { Listing } from '../src/listing/read.ts';

const program = new Command('ingest')
  .description('Parse captured paper listings and write one Markdown file per paper.')
  .argument('[paths...]', 'listing files or folders of .txt and .json listings', [CONTENT.listings])
  .option('--date <YYYY-MM-DD>', 'capture date of the listings given (wins over the file name)', (value) => {
    const date = parseIsoDate(value);
    if (!date) throw new InvalidArgumentError('expected a date such as 2026-01-08');
    return date;
  })
  .option('--dry-run', 'parse and report, write nothing')
  .option('--rescan', 'check every paper file for changes, even while the papers folder is as the last run left it')
  // npm prints its "> script" banner on stdout: `npm run -s ingest -- --json` leaves the JSON alone there.
  .option('--json', 'print the parsed listings as one JSON object on stdout (through npm: npm run -s ingest -- --json)')
  .option('--papers-dir <dir>', 'where paper files live (default: PAPERS_DIR, else content/papers)', env.papersDir())
  .option('--topics <file>', 'the topic taxonomy', CONTENT.topics)
  .option('--no-progress', 'no progress display')
  .option('--build', 'as part of the build: problems in listings do not fail the run, only paper files that cannot be read or written do')
  .option('--wait <seconds>', 'how long to wait for another ingest writing the same papers to finish', (value) => {
    const seconds = Number(value);
    if (!Number.isFinite(seconds) || seconds < 0) throw new InvalidArgumentError('expected a number of seconds, such as 60');
    return seconds;
  }, 60)
  .showHelpAfterError();

/** Problems shown per file in the summary and as annotations; --json lists them all. */
const SHOWN_PER_FILE = 20;

program.parse();
const opts = program.opts<{ date?: string; dryRun?: boolean; rescan?: boolean; json?: boolean; papersDir: string; topics: string; progress: boolean; wait: number; build?: boolean }>();
let taxonomy: Taxonomy;
try {
  taxonomy = loadTaxonomy(opts.topics);
} catch (error) {
  if (!(error instanceof TaxonomyError)) throw error;
  console.error(`ingest: ${error.message}`);
  process.exit(1);
}
const papersDir = resolve(opts.papersDir);

const report = opts.dryRun ? await run() : await withLock(run);
if (opts.json) process.stdout.write(`${JSON.stringify(toJson(report), null, 2)}\n`);
else printSummary(report);
// Not with --json, whose stdout is the JSON alone.
if (process.env.GITHUB_ACTIONS === 'true' && !opts.json) printAnnotations(report);
// In a build, a capture that could not be read does not stop the site (docs/security.md).
const failed = opts.build ? report.archiveFailed : report.problems.some((p) => p.severity === 'error');
process.exitCode = failed ? 1 : 0;

async function run(): Promise<IngestReport> {
  const progress = opts.progress ? progressDisplay(process.stderr) : null;
  try {
    return await ingest({
      inputs: program.processedArgs[0] as string[],
      papersDir,
      date: opts.date ?? null,
      dryRun: opts.dryRun ?? false,
      rescan: opts.rescan ?? false,
      filing: topicFiling(taxonomy),
      onProgress: progress?.update,
    });
  } finally {
    progress?.stop();
  }
}

/**
 * One ingest at a time (src/papers/lock.ts): a second one says it is waiting, waits up to
 * `--wait` seconds for the first to finish, then gives up with exit code 2. A lock left by an
 * ingest that is no longer running is taken over at once.
 */
async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const path = lockPath(papersDir);
  let release: () => Promise<void>;
  try {
    mkdirSync(dirname(papersDir), { recursive: true });
    release = await lockPapers(papersDir, {
      waitSeconds: opts.wait,
      onWait: () => {
        if (opts.wait > 0) console.error(`ingest: another ingest is writing ${papersDir} (lock ${path}); waiting up to ${opts.wait} s for it to finish`);
      },
      onTakeover: (pid) => console.error(`ingest: took over the lock of ingest process ${pid}, which is no longer running`),
      onCompromised: () => {
        console.error(`ingest: stopped: the lock ${path} could not be refreshed in time, so another ingest may be writing too. Every paper file is whole (old or new); run ingest again.`);
        process.exit(1);
      },
    });
  } catch (error) {
    if (error instanceof LockedError) {
      console.error(`ingest: gave up: another ingest is still writing ${papersDir} (lock ${path}). Nothing was written. Run again when it has finished.`);
      process.exit(2);
    }
    if (errorCode(error) === null) throw error;
    console.error(`ingest: cannot lock ${papersDir} (${codeAndWords(error)}): ingest makes ${path} beside it, so that folder must be writable. Nothing was written.`);
    process.exit(1);
  }
  try {
    return await fn();
  } finally {
    await release().catch(() => {});
  }
}

function toJson(report: IngestReport) {
  return {
    listings: report.listings.map((l: Listing) => ({
      file: l.file,
      layout: l.layout,
      captureDate: l.captureDate,
      captureDateSource: l.captureDateSource,
      skipped: l.skipped,
      records: l.records.map(({ title, abstract, authorsCount, org, publishedText, published, upvotes, urls, arxivId, authors, githubRepo, projectPage }) => ({
        title,
        abstract,
        arxivId,
        authors,
        authorsCount,
        org,
        publishedText,
        published,
        upvotes,
        urls,
        githubRepo,
        projectPage,
        topics: classifyTopics({ title, abstract }, taxonomy),
      })),
    })),
    problems: report.problems,
    ...(opts.dryRun ? {} : { papers: { new: report.created.length, updated: report.updated.length, unchanged: report.unchanged.length, inOther: report.inOther.length, checkedEveryFile: report.checkedEveryFile } }),
  };
}

/**
 * Messages quote listing text, which is hostile input: control characters (terminal
 * escape sequences) and bidi overrides are shown as escapes, never sent to the terminal.
 */
function forTerminal(line: string): string {
  return line.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * GitHub Actions workflow commands: each problem becomes an annotation on the file and line,
 * shown on the run's summary page. Values are escaped as the runner expects.
 */
function printAnnotations(report: IngestReport) {
  const data = (v: string) => v.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (v: string) => data(v).replace(/:/g, '%3A').replace(/,/g, '%2C');
  // As many per file as the summary shows: a garbled capture can hold a problem per line.
  const shown = new Map<string, number>();
  for (const p of report.problems) {
    const n = (shown.get(p.file) ?? 0) + 1;
    shown.set(p.file, n);
    if (n > SHOWN_PER_FILE) continue;
    const where = `file=${property(p.file)}${p.line === null ? '' : `,line=${p.line}`}`;
    console.log(forTerminal(`::${p.severity} ${where}::${data(p.message)}`));
  }
}

/** `, 33 lines of page text skipped (lines 1-12, 26-27)`: what the parser left out, to look at. */
function skippedText({ skipped }: Listing): string {
  if (skipped.lines === 0) return '';
  const SHOWN = 10;
  const spans = skipped.spans.slice(0, SHOWN).map((s) => (s.from === s.to ? `${s.from}` : `${s.from}-${s.to}`));
  if (skipped.spans.length > SHOWN) spans.push('…');
  return `, ${skipped.lines} line${skipped.lines === 1 ? '' : 's'} of page text skipped (line${skipped.spans.length === 1 && skipped.lines === 1 ? '' : 's'} ${spans.join(', ')})`;
}

function printSummary(report: IngestReport) {
  const records = report.listings.reduce((n, l) => n + l.records.length, 0);
  console.log(`Read ${report.listings.length} listing(s), ${records} record(s).`);
  if (report.skippedListings.length > 0) console.log(`${report.skippedListings.length} listing(s) ingested before and unchanged: not read again.`);
  for (const l of report.listings) {
    console.log(forTerminal(`  ${l.file}: ${l.layout === 'json' ? 'Daily Papers JSON' : `layout ${l.layout}`}, captured ${l.captureDate} (${l.captureDateSource}), ${l.records.length} records${skippedText(l)}`));
  }
  if (!opts.dryRun) {
    console.log(`Papers in ${relative(process.cwd(), papersDir) || '.'}: ${report.created.length} new, ${report.updated.length} updated, ${report.unchanged.length} unchanged.`);
    if (!report.checkedEveryFile) console.log('Paper files: the folder is as the last run left it, so only those these listings reach were checked (--rescan checks all).');
    if (report.reclassified) console.log(`Topics: the taxonomy (${opts.topics}) changed, so every paper was filed again.`);
    console.log(`Topics: ${report.inOther.length} of the papers written fit no topic and went to "other"${report.inOther.length > 0 ? ' (when that grows, the taxonomy may need a new topic)' : ''}.`);
  }
  const errors = report.problems.filter((p) => p.severity === 'error');
  const warnings = report.problems.filter((p) => p.severity === 'warning');
  for (const [label, list] of [['Warnings', warnings], ['Errors', errors]] as const) {
    console.log(`${label}: ${list.length}`);
    // A garbled capture can hold a problem per line: show the first few of each file.
    const shown = new Map<string, number>();
    for (const p of list) {
      const n = (shown.get(p.file) ?? 0) + 1;
      shown.set(p.file, n);
      if (n <= SHOWN_PER_FILE) console.log(forTerminal(`  ${p.file}${p.line === null ? '' : `:${p.line}`}: ${p.message}`));
    }
    for (const [file, n] of shown) if (n > SHOWN_PER_FILE) console.log(forTerminal(`  ${file}: … and ${n - SHOWN_PER_FILE} more (--json lists them all)`));
  }
}
