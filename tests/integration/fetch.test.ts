/**
 * `npm run fetch` against a local stand-in for the Daily Papers API on 127.0.0.1: pages of the
 * fixture, rate limits, failures, a server that never answers and one that answers HTML. No
 * test touches the internet; retries wait a millisecond (`--backoff`), not seconds.
 */
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const items = JSON.parse(readFileSync(join(root, 'tests/fixtures/listings/daily-papers.json'), 'utf8')) as unknown[];

/** What the stand-in was asked, per scenario (the first path segment). */
const asked = new Map<string, URLSearchParams[]>();
const held: ServerResponse[] = [];
let server: Server;
let origin: string;

/** Each scenario is a path: `/<scenario>/api/daily_papers`. */
function answer(scenario: string, query: URLSearchParams, res: ServerResponse): void {
  const calls = asked.get(scenario) ?? [];
  asked.set(scenario, [...calls, query]);
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const page = () => {
    const limit = Number(query.get('limit') ?? 50);
    const p = Number(query.get('p') ?? 0);
    return items.slice(p * limit, (p + 1) * limit);
  };
  switch (scenario) {
    case 'pages':
      return json(200, page());
    case 'rate-limited':
      return calls.length === 0 ? json(429, { error: 'slow down' }, { 'retry-after': '1' }) : json(200, page());
    case 'failing':
      return json(500, { error: 'boom' });
    case 'silent':
      held.push(res); // never answered
      return;
    case 'html':
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end('<!doctype html>\n<html><body>Sign in to continue</body></html>');
    case 'empty':
      return json(200, []);
    default:
      return json(404, { error: 'no such scenario' });
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    answer(url.pathname.split('/')[1]!, url.searchParams, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of held) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function fetchCli(scenario: string, dir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DAILY_PAPERS_URL: `${origin}/${scenario}/api/daily_papers` };
  const argv = [join(root, 'scripts/fetch.ts'), '--dir', dir, '--date', '2026-01-09', '--backoff', '0.001', '--retries', '2', ...args];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, argv, { cwd: root, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const scratch = () => mkdtempSync(join(tmpdir(), 'fetch-'));
const saved = (dir: string) => join(dir, '2026-01-09-daily.json');
const host = () => new URL(origin).host;

describe('fetching a day', () => {
  it('asks for every page of the day and saves them as one listing that ingest reads', async () => {
    const dir = scratch();
    const result = await fetchCli('pages', dir, '--page-size', '2');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`fetch: wrote ${saved(dir)}: 6 papers from 4 page(s); npm run ingest takes them in\n`);
    expect(asked.get('pages')!.map((q) => Object.fromEntries(q))).toEqual([0, 1, 2, 3].map((p) => ({ date: '2026-01-09', limit: '2', p: String(p) })));
    expect(JSON.parse(readFileSync(saved(dir), 'utf8'))).toEqual(items);
    expect(readdirSync(dir)).toEqual(['2026-01-09-daily.json']);

    const papers = join(dir, 'papers');
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'scripts/ingest.ts'), '--no-progress', '--papers-dir', papers, dir], { cwd: root }).catch((e: { stdout: string }) => e);
    expect(stdout).toContain('2026-01-09-daily.json: Daily Papers JSON, captured 2026-01-09 (filename), 5 records');
    expect(readdirSync(papers).filter((n) => n.endsWith('.md'))).toHaveLength(5);
  });

  it('waits and tries again when rate limited, as the server asks', async () => {
    const dir = scratch();
    const result = await fetchCli('rate-limited', dir, '--page-size', '10');
    expect(result.stderr).toBe(`fetch: ${host()} answered HTTP 429 Too Many Requests; retry 1 of 2\n`);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('6 papers from 1 page(s)') });
    expect(asked.get('rate-limited')).toHaveLength(2);
  });

  it('gives up after its retries on a server error, in one line, writing nothing', async () => {
    const dir = scratch();
    const result = await fetchCli('failing', dir);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').at(-2)).toBe(`fetch: could not fetch 2026-01-09: ${host()} answered HTTP 500 Internal Server Error (tried 3 times). Nothing was written.`);
    expect(asked.get('failing')).toHaveLength(3);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('gives up on a server that does not answer in time', async () => {
    const dir = scratch();
    const result = await fetchCli('silent', dir, '--timeout', '0.2', '--retries', '1');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `fetch: ${host()} did not answer within 0.2 s; retry 1 of 1\nfetch: could not fetch 2026-01-09: ${host()} did not answer within 0.2 s (tried 2 times). Nothing was written.\n`,
    );
    expect(asked.get('silent')).toHaveLength(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an answer that is not JSON, without retrying', async () => {
    const dir = scratch();
    const result = await fetchCli('html', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`fetch: could not fetch 2026-01-09: ${host()} answered with something that is not JSON (it begins "<!doctype html> <html><body>Sign in to continue</body></html>"). Nothing was written.\n`);
    expect(asked.get('html')).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says so when nothing answers at all', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const dir = scratch();
    const env = { ...process.env, DAILY_PAPERS_URL: `http://127.0.0.1:${port}/api/daily_papers` };
    const result = await promisify(execFile)(process.execPath, [join(root, 'scripts/fetch.ts'), '--dir', dir, '--retries', '0'], { cwd: root, env }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in result && result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^fetch: could not fetch \\d{4}-\\d{2}-\\d{2}: could not reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)\\. Nothing was written\\.\\n$`));
  });

  it('writes nothing for a day with no papers', async () => {
    const dir = scratch();
    expect(await fetchCli('empty', dir)).toMatchObject({ code: 0, stdout: 'fetch: no papers are listed for 2026-01-09; nothing written\n' });
    expect(existsSync(saved(dir))).toBe(false);
  });
});

describe('a day already fetched', () => {
  it('is left alone unless --force, and a failed --force leaves it as it was', async () => {
    const dir = scratch();
    writeFileSync(saved(dir), '[]\n');
    const before = asked.get('pages')?.length ?? 0;
    expect(await fetchCli('pages', dir)).toMatchObject({ code: 0, stdout: `fetch: ${saved(dir)} is already there; left alone (--force fetches the day again)\n` });
    expect(asked.get('pages')?.length ?? 0).toBe(before);
    expect((await fetchCli('failing', dir, '--force')).code).toBe(1);
    expect(readFileSync(saved(dir), 'utf8')).toBe('[]\n');
    expect(readdirSync(dir)).toEqual(['2026-01-09-daily.json']);
    expect((await fetchCli('pages', dir, '--force')).code).toBe(0);
    expect(JSON.parse(readFileSync(saved(dir), 'utf8'))).toEqual(items);
  });
});
