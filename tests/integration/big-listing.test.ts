/**
 * The biggest listing ingest accepts (MAX_LISTING_BYTES, 100 MiB), through the real CLI
 * into a copy of the bundled collection: it ingests with peak memory under 1 GB and
 * prints progress lines on a non-terminal stderr; a bigger one is refused by name
 * without being read; papers already ingested keep every byte either way.
 *
 * By default the big listing repeats 2,000 distinct papers (a few seconds). With
 * BIG_LISTING_ALL_NEW=1 every one of its ~80,000 records is a new paper and ingest
 * writes them all: the worst case for memory, about a minute.
 */
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { closeSync, cpSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LISTING_BYTES } from '../../src/listing/decode.ts';
import { readListing } from '../../src/listing/read.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const allNew = process.env.BIG_LISTING_ALL_NEW === '1';
const ONE_GB = 1e9;

// Node reports the process's own peak resident set size as it exits (maxRSS is in KiB).
const REPORT_PEAK_RSS = 'data:text/javascript,process.on("exit",()=>process.stderr.write(`peak-rss-kib ${process.resourceUsage().maxRSS}\\n`))';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  peakRssBytes: number;
}

/** Runs the ingest CLI with its progress display on (stderr is a pipe, not a terminal). */
function ingest(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', REPORT_PEAK_RSS, join(root, 'scripts/ingest.ts'), ...args], { cwd: root, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const peak = /peak-rss-kib (\d+)/.exec(stderr);
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr, peakRssBytes: peak ? Number(peak[1]) * 1024 : NaN });
    });
  });
}

/**
 * Writes a layout-A listing of real abstracts under varied titles, as big as ingest
 * accepts. The em dash in every title makes the whole text two bytes per character in
 * memory, the costlier case. Returns how many records it holds.
 */
function writeBigListing(path: string, distinct: number): number {
  const sample = readListing('2026-01-05.txt', readFileSync(join(root, 'content/listings/2026-01-05-003_1e2230a16aac1f09.txt'), 'utf8')).records.filter((r) => r.abstract);
  const fd = openSync(path, 'w');
  let size = writeSync(fd, 'Feb 1\n\n');
  let count = 0;
  let chunk: string[] = [];
  for (;;) {
    const n = count % distinct;
    const base = sample[n % sample.length]!;
    const record = `${base.title} — replication ${n}\n\n${base.abstract}\n\n  • ${1 + (count % 9)} authors\n·\nOct ${1 + (count % 28)}, 2025 ${count % 50}\n\n`;
    const bytes = Buffer.byteLength(record);
    if (size + bytes > MAX_LISTING_BYTES) break;
    chunk.push(record);
    size += bytes;
    count++;
    if (chunk.length === 500) {
      writeSync(fd, chunk.join(''));
      chunk = [];
    }
  }
  writeSync(fd, chunk.join(''));
  closeSync(fd);
  return count;
}

const work = mkdtempSync(join(tmpdir(), 'big-listing-'));
const bundled = readdirSync(join(root, 'content/papers')).filter((n) => n.endsWith('.md'));
const papersIn = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.md'));
/** The bytes and modification time of each of the bundled papers in a papers folder. */
const snapshot = (dir: string) => Object.fromEntries(bundled.map((n) => [n, [readFileSync(join(dir, n), 'utf8'), statSync(join(dir, n)).mtimeMs]]));

/** A papers folder holding a copy of the bundled collection: the archive that must not change. */
function bundledCopy(name: string): string {
  const dir = join(work, name);
  cpSync(join(root, 'content/papers'), dir, { recursive: true });
  return dir;
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe(`a ${MAX_LISTING_BYTES / 2 ** 20} MiB listing`, () => {
  const papers = bundledCopy('papers');
  const listing = join(work, '2026-02-01-big.txt');
  let records: number;
  let distinct: number;
  let before: ReturnType<typeof snapshot>;
  let run: Run;

  beforeAll(async () => {
    before = snapshot(papers);
    distinct = allNew ? Infinity : 2000;
    records = writeBigListing(listing, distinct);
    run = await ingest('--papers-dir', papers, listing);
  }, 600_000);

  it('is as big as ingest accepts', () => {
    expect(statSync(listing).size).toBeLessThanOrEqual(MAX_LISTING_BYTES);
    expect(statSync(listing).size).toBeGreaterThan(MAX_LISTING_BYTES - 4096);
  });

  it(`ingests every record with peak memory under 1 GB`, () => {
    expect(run.stderr).not.toMatch(/Error|heap/i);
    expect(run.code).toBe(0);
    const papersMade = Math.min(records, distinct);
    expect(run.stdout).toContain(`Read 1 listing(s), ${records} record(s).`);
    expect(run.stdout).toContain(`${papersMade} new, 0 updated, `);
    expect(papersIn(papers)).toHaveLength(bundled.length + papersMade);
    console.info(`big listing: ${records} records, ${papersMade} papers written, peak RSS ${Math.round(run.peakRssBytes / 2 ** 20)} MiB`);
    expect(run.peakRssBytes).toBeLessThan(ONE_GB);
  });

  it('prints progress lines while parsing and writing, though stderr is not a terminal', () => {
    for (const step of [0, 50, 100]) expect(run.stderr).toMatch(new RegExp(`^parsing 2026-02-01-big\\.txt: ${step}% \\([\\d,]+/[\\d,]+ lines\\)$`, 'm'));
    expect(run.stderr).toMatch(/^writing papers: 100% \([\d,]+\/[\d,]+\)$/m);
  });

  it('leaves every paper already ingested byte for byte as it was', () => {
    expect(snapshot(papers)).toEqual(before);
  });
});

describe('a listing over the limit', () => {
  it('is refused by name and with the limit, without being read, and nothing changes', async () => {
    const dir = mkdtempSync(join(work, 'huge-'));
    const papers = bundledCopy('papers-huge');
    const huge = join(dir, '2026-02-02-huge.txt');
    const ok = join(dir, '2026-02-02-ok.txt');
    // A sparse 1 GiB file: reading it would show in the peak memory.
    truncateSync(openAndClose(huge), 2 ** 30);
    cpSync(join(root, 'tests/fixtures/listings/layout-a.txt'), ok);
    const before = snapshot(papers);

    const refused = await ingest('--papers-dir', papers, huge, ok);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`2026-02-02-huge.txt: the file is 1,073,741,824 bytes; listings are limited to 100 MiB (${MAX_LISTING_BYTES.toLocaleString('en')} bytes)`);
    expect(refused.peakRssBytes).toBeLessThan(300 * 2 ** 20);
    // The rest of the input is still ingested; what was there is untouched.
    expect(refused.stdout).toMatch(/Read 1 listing\(s\), 5 record\(s\)/);
    expect(snapshot(papers)).toEqual(before);
  });
});

describe('the summary of a garbled listing', () => {
  it('shows the first 20 problems of a file and counts the rest, and sends no control characters to the terminal', async () => {
    const dir = mkdtempSync(join(work, 'garbled-'));
    const listing = join(dir, '2026-02-03.txt');
    // 300,000 unreadable metadata lines, one carrying a terminal escape sequence (set the window title).
    const abstract = 'A long enough abstract keeps the share of control characters low. '.repeat(20);
    writeFileSync(listing, `Feb 3\n\nA \u001b[31mRed\u001b[0m \u202eTitle\n\n${abstract}\n\n  • 2 authors\n·\n\u001b]0;pwned\u0007\n${'?!\n'.repeat(300_000)}`);
    const run = await ingest('--no-progress', '--papers-dir', join(dir, 'papers'), listing);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Warnings: 300001');
    expect(run.stdout).toContain('2026-02-03.txt: … and 299981 more (--json lists them all)');
    expect(run.stdout.split('\n').length).toBeLessThan(40);
    // The escape sequence's control characters are removed at ingest.
    expect(run.stdout).toContain('unreadable date line "]0;pwned"');
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
  });
});

function openAndClose(path: string): string {
  closeSync(openSync(path, 'w'));
  return path;
}
