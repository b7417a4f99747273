/** The Daily Papers JSON through the real ingest CLI: real listing files in, real paper files out. */
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'tests/fixtures/listings');
const json = JSON.parse(readFileSync(join(fixtures, 'daily-papers.json'), 'utf8')) as Array<{ paper: Record<string, unknown> } & Record<string, unknown>>;

async function ingest(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(root, 'scripts/ingest.ts'), '--no-progress', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const scratch = () => mkdtempSync(join(tmpdir(), 'daily-'));
const papersIn = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.md')).sort();
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');
const frontmatter = (text: string) => YAML.parse(text.split('---\n')[1]!, { version: '1.1' });
const paperTitled = (dir: string, title: string) => papersIn(dir).filter((n) => frontmatter(read(dir, n)).title === title);
/** A listing file in a scratch folder: the JSON fixture, the text fixture, or items written here. */
function listing(dir: string, name: string, content: 'json' | 'text' | unknown[]): string {
  const path = join(dir, name);
  if (content === 'json') copyFileSync(join(fixtures, 'daily-papers.json'), path);
  else if (content === 'text') copyFileSync(join(fixtures, 'layout-a.txt'), path);
  else writeFileSync(path, JSON.stringify(content, null, 2));
  return path;
}

describe('looking at a JSON listing before ingesting it', () => {
  it('shows the arXiv id, authors, code and project page of each record, and null for a text capture', async () => {
    const dir = scratch();
    const result = await ingest('--dry-run', '--json', listing(dir, '2026-01-08.txt', 'text'), listing(dir, '2026-01-09-daily.json', 'json'));
    const out = JSON.parse(result.stdout);
    const [text, daily] = out.listings;
    expect(text.records[0]).toMatchObject({ title: 'Sparse Mixture of Experts at Scale', arxivId: null, authors: null, githubRepo: null, projectPage: null });
    expect(daily).toMatchObject({ file: '2026-01-09-daily.json', layout: 'json', captureDate: '2026-01-09', captureDateSource: 'filename' });
    expect(daily.records[0]).toMatchObject({
      title: 'Long-Context Retrieval Without Tears',
      arxivId: '2601.03310',
      authors: ['José Álvarez-Núñez', 'Zoë Ångström', '李明', 'Ørjan Ødegård'],
      githubRepo: null,
      projectPage: null,
    });
    expect(daily.records[1]).toMatchObject({ arxivId: '2510.11496', githubRepo: 'https://github.com/example/smoe', projectPage: 'https://example.org/smoe' });
    expect(out.problems).toContainEqual({ file: join(dir, '2026-01-09-daily.json'), line: null, severity: 'error', message: expect.stringMatching(/^item 4 \("A Paper With No Identifier"\): field "paper\.id"/) });
    expect(result.code).toBe(1);
  });
});

describe('ingesting a JSON listing', () => {
  it('writes a paper file per good item with arxiv, authors, github and projectPage, names the bad item and exits 1', async () => {
    const dir = scratch();
    const papers = join(dir, 'papers');
    const file = listing(dir, '2026-01-09-daily.json', 'json');
    const result = await ingest('--papers-dir', papers, dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('2026-01-09-daily.json: Daily Papers JSON, captured 2026-01-09 (filename), 5 records');
    expect(result.stdout).toContain(`${file}: item 4 ("A Paper With No Identifier"): field "paper.id": Invalid input: expected string, received undefined; skipped`);
    expect(papersIn(papers)).toHaveLength(5);
    const [tears] = paperTitled(papers, 'Long-Context Retrieval Without Tears');
    expect(tears).toBe('long-context-retrieval-without-tears.md');
    const text = read(papers, tears!);
    expect(frontmatter(text)).toMatchObject({
      arxiv: '2601.03310',
      authors: ['José Álvarez-Núñez', 'Zoë Ångström', '李明', 'Ørjan Ødegård'],
      authorsCount: 4,
      org: { id: 'zai-org', name: 'Z.ai' },
      published: '2026-01-07',
      github: null,
      projectPage: null,
      listings: [{ file: '2026-01-09-daily.json', captureDate: '2026-01-09', rank: 1, upvotes: 40 }],
    });
    expect(text).toContain('arxiv: "2601.03310"\n');
    expect(text).toMatch(/\n---\n\nRetrieval over long contexts is brittle\. We show why\.\n\nOur method fixes it/);
    const old = frontmatter(read(papers, paperTitled(papers, 'Strings With an Old-Style Identifier')[0]!));
    expect(old).toMatchObject({ arxiv: 'hep-th/9901001', authors: ['Edward Witten'], upvotes: null });

    // Again: nothing changes, not even a file's time.
    const before = Object.fromEntries(papersIn(papers).map((n) => [n, statSync(join(papers, n)).mtimeMs]));
    expect((await ingest('--papers-dir', papers, dir)).stdout).toMatch(/0 new, 0 updated, 5 unchanged/);
    expect(Object.fromEntries(papersIn(papers).map((n) => [n, statSync(join(papers, n)).mtimeMs]))).toEqual(before);
  });

  it('refuses a .json file that is not a Daily Papers listing in one line, and ingests the rest', async () => {
    const dir = scratch();
    const papers = join(dir, 'papers');
    writeFileSync(join(dir, '2026-01-10-daily.json'), '{"error":"Invalid date"}');
    writeFileSync(join(dir, '2026-01-11-daily.json'), '<html>Bad gateway</html>');
    listing(dir, '2026-01-09-daily.json', 'json');
    const result = await ingest('--papers-dir', papers, dir);
    expect(result.stdout).toContain(`${join(dir, '2026-01-10-daily.json')}: the file is JSON but not a Daily Papers listing: expected an array of items, found an object saying "Invalid date"`);
    expect(result.stdout).toMatch(/2026-01-11-daily\.json: the file is not valid JSON \(.*\); fetch the day again with npm run fetch -- --force --date YYYY-MM-DD\n/);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
    expect(papersIn(papers)).toHaveLength(5);
  });
});

describe('a paper seen as text and as JSON', () => {
  const smoe = 'sparse-mixture-of-experts-at-scale.md';

  it('is one paper when the text capture came first: the JSON fills in the id, authors and links, the slug stays', async () => {
    const dir = scratch();
    const papers = join(dir, 'papers');
    await ingest('--papers-dir', papers, listing(dir, '2026-01-08.txt', 'text'));
    const first = frontmatter(read(papers, smoe));
    expect(first).toMatchObject({ arxiv: null, authors: null, authorsCount: 5 });
    await ingest('--papers-dir', papers, listing(dir, '2026-01-09-daily.json', 'json'));
    expect(paperTitled(papers, 'Sparse Mixture of Experts at Scale')).toEqual([smoe]);
    expect(frontmatter(read(papers, smoe))).toMatchObject({
      title: 'Sparse Mixture of Experts at Scale',
      arxiv: '2510.11496',
      authors: ['Ada Lovelace', 'Alan Turing'],
      authorsCount: 5,
      github: 'https://github.com/example/smoe',
      projectPage: 'https://example.org/smoe',
      upvotes: 12,
      listings: [
        { file: '2026-01-08.txt', captureDate: '2026-01-08', rank: 1, upvotes: 2 },
        { file: '2026-01-09-daily.json', captureDate: '2026-01-09', rank: 2, upvotes: 12 },
      ],
    });
  });

  it('is one paper when the JSON came first, and the text capture adds its appearance', async () => {
    const dir = scratch();
    const papers = join(dir, 'papers');
    await ingest('--papers-dir', papers, listing(dir, '2026-01-07-daily.json', 'json'));
    await ingest('--papers-dir', papers, listing(dir, '2026-01-08.txt', 'text'));
    expect(paperTitled(papers, 'Sparse Mixture of Experts at Scale')).toEqual([smoe]);
    const data = frontmatter(read(papers, smoe));
    expect(data).toMatchObject({ arxiv: '2510.11496', authors: ['Ada Lovelace', 'Alan Turing'], authorsCount: 2 });
    expect(data.listings.map((l: { file: string }) => l.file)).toEqual(['2026-01-07-daily.json', '2026-01-08.txt']);
  });

  it('is found by its arXiv id when a later listing corrects the title; slug, title and hand edits stay', async () => {
    const dir = scratch();
    const papers = join(dir, 'papers');
    await ingest('--papers-dir', papers, listing(dir, '2026-01-08.txt', 'text'), listing(dir, '2026-01-09-daily.json', 'json'));
    // The maintainer corrects the author list by hand.
    writeFileSync(join(papers, smoe), read(papers, smoe).replace('  - Alan Turing\n', '  - Alan M. Turing\n'));
    const renamed = json.map((item) => (item.paper.id === '2510.11496' ? { ...item, paper: { ...item.paper, id: '2510.11496v2', title: 'Sparse Mixtures of Experts, at Scale', authors: [{ name: 'Someone Else' }] } } : item));
    await ingest('--papers-dir', papers, listing(dir, '2026-01-10-daily.json', renamed));
    expect(papersIn(papers)).toContain(smoe);
    expect(papersIn(papers).filter((n) => n.startsWith('sparse-mixture'))).toEqual([smoe]);
    const data = frontmatter(read(papers, smoe));
    expect(data).toMatchObject({ title: 'Sparse Mixture of Experts at Scale', titleKey: 'sparse mixture of experts at scale', authors: ['Ada Lovelace', 'Alan M. Turing'] });
    expect(data.listings.map((l: { file: string }) => l.file)).toEqual(['2026-01-08.txt', '2026-01-09-daily.json', '2026-01-10-daily.json']);
  });

  it('is found by an arXiv id set by hand in place, when a later listing brings it under another title', async () => {
    const dir = scratch();
    const papers = join(dir, 'papers');
    await ingest('--papers-dir', papers, listing(dir, '2026-01-08.txt', 'text'));
    // Saved in place (the papers folder's mtime stays as ingest left it), as some editors do.
    writeFileSync(join(papers, smoe), read(papers, smoe).replace('arxiv: null', 'arxiv: "2510.11496"'));
    const abstract = read(papers, smoe).split('---\n')[2]!.trim();
    const renamed = [{ paper: { id: '2510.11496', title: 'Sparse Mixtures of Experts, at Scale', summary: abstract }, publishedAt: '2026-01-10T00:00:00.000Z' }];
    const result = await ingest('--papers-dir', papers, listing(dir, '2026-01-10-daily.json', renamed));
    expect(result.code, result.stdout).toBe(0);
    expect(papersIn(papers).filter((n) => n.startsWith('sparse-mixture'))).toEqual([smoe]);
    expect(frontmatter(read(papers, smoe)).listings.map((l: { file: string }) => l.file)).toEqual(['2026-01-08.txt', '2026-01-10-daily.json']);
  });

  it('is not merged with another arXiv paper of the same title: that record is named and skipped', async () => {
    const dir = scratch();
    const papers = join(dir, 'papers');
    await ingest('--papers-dir', papers, listing(dir, '2026-01-09-daily.json', 'json'));
    const other = [{ paper: { id: '2601.09999', title: 'Sparse Mixture of Experts at Scale', summary: 'A different paper.' }, publishedAt: '2026-01-10T00:00:00.000Z' }];
    const result = await ingest('--papers-dir', papers, listing(dir, '2026-01-10-daily.json', other));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`"Sparse Mixture of Experts at Scale" (arXiv 2601.09999) has the title of the paper in ${join(papers, smoe)}, which is arXiv 2510.11496; skipped`);
    expect(frontmatter(read(papers, smoe)).listings).toHaveLength(1);
  });
});
