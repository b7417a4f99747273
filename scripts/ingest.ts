/**
 * `npm run ingest -- [options] [files or folders]`: turns captured listings into
 * `content/papers/<slug>.md`. See README "Adding a day's listing".
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import lockfile from 'proper-lockfile';
import { ingest, type IngestReport } from '../src/lib/ingest.ts';
import { parseIsoDate } from '../src/lib/listing-dates.ts';
import type { Listing } from '../src/lib/read-listing.ts';

const program = new Command('ingest')
  .description('Parse captured paper listings and write one Markdown file per paper.')
  .argument('[paths...]', 'listing files or folders of .txt listings', ['content/listings'])
  .option('--date <YYYY-MM-DD>', 'capture date of the listings given (wins over the file name)', (value) => {
    const date = parseIsoDate(value);
    if (!date) throw new InvalidArgumentError('expected a date such as 2026-01-08');
    return date;
  })
  .option('--dry-run', 'parse and report, write nothing')
  .option('--json', 'print the parsed listings as one JSON object on stdout')
  .option('--papers-dir <dir>', 'where paper files live', 'content/papers')
  .option('--no-progress', 'no progress bar')
  .showHelpAfterError();

program.parse();
const opts = program.opts<{ date?: string; dryRun?: boolean; json?: boolean; papersDir: string; progress: boolean }>();
const papersDir = resolve(opts.papersDir);

const report = opts.dryRun ? await run() : await withLock(run);
if (opts.json) process.stdout.write(`${JSON.stringify(toJson(report), null, 2)}\n`);
else printSummary(report);
process.exitCode = report.problems.some((p) => p.severity === 'error') ? 1 : 0;

async function run(): Promise<IngestReport> {
  const bar = opts.progress && !opts.json && process.stderr.isTTY ? new cliProgress.SingleBar({ stream: process.stderr, format: 'writing papers [{bar}] {value}/{total}' }, cliProgress.Presets.shades_classic) : null;
  try {
    return await ingest({
      inputs: program.processedArgs[0] as string[],
      papersDir,
      date: opts.date ?? null,
      dryRun: opts.dryRun ?? false,
      onProgress: bar
        ? (done, total) => {
            if (done === 1) bar.start(total, 0);
            bar.update(done);
          }
        : undefined,
    });
  } finally {
    bar?.stop();
  }
}

/** One ingest at a time: a second one waits for the first, then gives up with a clear message. */
async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(papersDir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(papersDir, { lockfilePath: `${papersDir}.lock`, retries: { retries: 60, minTimeout: 500, maxTimeout: 1000 }, stale: 30_000 });
  } catch {
    console.error(`ingest: another ingest is writing ${papersDir} (lock ${papersDir}.lock); try again when it has finished`);
    process.exit(2);
  }
  try {
    return await fn();
  } finally {
    await release();
  }
}

function toJson(report: IngestReport) {
  return {
    listings: report.listings.map((l: Listing) => ({
      file: l.file,
      layout: l.layout,
      captureDate: l.captureDate,
      captureDateSource: l.captureDateSource,
      records: l.records.map(({ title, abstract, authorsCount, org, publishedText, published, upvotes, urls }) => ({
        title,
        abstract,
        authorsCount,
        org,
        publishedText,
        published,
        upvotes,
        urls,
      })),
    })),
    problems: report.problems,
    ...(opts.dryRun ? {} : { papers: { new: report.created.length, updated: report.updated.length, unchanged: report.unchanged.length } }),
  };
}

function printSummary(report: IngestReport) {
  const records = report.listings.reduce((n, l) => n + l.records.length, 0);
  console.log(`Read ${report.listings.length} listing(s), ${records} record(s).`);
  for (const l of report.listings) {
    console.log(`  ${l.file}: layout ${l.layout}, captured ${l.captureDate} (${l.captureDateSource}), ${l.records.length} records`);
  }
  if (!opts.dryRun) {
    console.log(`Papers in ${dirname(papersDir) === resolve('content') ? 'content/papers' : papersDir}: ${report.created.length} new, ${report.updated.length} updated, ${report.unchanged.length} unchanged.`);
  }
  const errors = report.problems.filter((p) => p.severity === 'error');
  const warnings = report.problems.filter((p) => p.severity === 'warning');
  for (const [label, list] of [['Warnings', warnings], ['Errors', errors]] as const) {
    console.log(`${label}: ${list.length}`);
    for (const p of list) console.log(`  ${p.file}${p.line === null ? '' : `:${p.line}`}: ${p.message}`);
  }
}
