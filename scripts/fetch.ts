/**
 * `npm run fetch -- [--date YYYY-MM-DD] [--force]`: saves a day of Hugging Face's Daily
 * Papers as `content/listings/YYYY-MM-DD-daily.json`, for ingest. See docs/ingest.md.
 */
import { Command, InvalidArgumentError } from 'commander';
import { CONTENT, env } from '../src/config.ts';
import { parseIsoDate } from '../src/listing/dates.ts';
import { DEFAULT_PAGE_SIZE, fetchDay } from '../src/fetch/daily-papers.ts';
import { DEFAULT_POLICY, FetchError } from '../src/fetch/get-json.ts';

const number = (what: string, min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new InvalidArgumentError(`expected ${what}`);
  return n;
};

const program = new Command('fetch')
  .description("Save a day of Hugging Face's Daily Papers as a listing for ingest.")
  .option('--date <YYYY-MM-DD>', 'the day to fetch (default: today, UTC)', (value) => {
    const date = parseIsoDate(value);
    if (!date) throw new InvalidArgumentError('expected a date such as 2026-01-08');
    return date;
  })
  .option('--force', 'fetch the day again even if its file is there')
  .option('--dir <dir>', 'where listings live', CONTENT.listings)
  .option('--timeout <seconds>', 'how long one request may take', number('a number of seconds', 0.001), DEFAULT_POLICY.timeoutMs / 1000)
  .option('--retries <n>', 'attempts after the first, on 429, 5xx, timeouts and network errors', number('a whole number', 0), DEFAULT_POLICY.retries)
  .option('--backoff <seconds>', 'the wait before the first retry, doubled for each next one', number('a number of seconds', 0), DEFAULT_POLICY.backoffMs / 1000)
  .option('--page-size <n>', 'papers asked for per request', number('a whole number', 1), DEFAULT_PAGE_SIZE)
  .showHelpAfterError();

program.parse();
const opts = program.opts<{ date?: string; force?: boolean; dir: string; timeout: number; retries: number; backoff: number; pageSize: number }>();
const date = opts.date ?? new Date().toISOString().slice(0, 10);

try {
  const result = await fetchDay({
    date,
    listingsDir: opts.dir,
    apiUrl: env.dailyPapersUrl(),
    force: opts.force ?? false,
    pageSize: Math.floor(opts.pageSize),
    policy: { timeoutMs: opts.timeout * 1000, retries: Math.floor(opts.retries), backoffMs: opts.backoff * 1000 },
    onRetry: (line) => console.error(`fetch: ${line}`),
  });
  if (result.kind === 'exists') console.log(`fetch: ${result.path} is already there; left alone (--force fetches the day again)`);
  else if (result.kind === 'empty') console.log(`fetch: no papers are listed for ${date}; nothing written`);
  else console.log(`fetch: wrote ${result.path}: ${result.papers} papers from ${result.pages} page(s); npm run ingest takes them in`);
} catch (error) {
  if (!(error instanceof FetchError)) throw error;
  console.error(`fetch: could not fetch ${date}: ${error.message}. Nothing was written.`);
  process.exitCode = 1;
}
