/**
 * Which records are one paper, through the real CLI: titles that differ by what tells papers
 * apart (`+`, `#`, an emoji) are two papers; titles that differ by invisible characters are
 * one; records that share a title key but clearly not an abstract are two; a corrected title is
 * reported as a likely duplicate; a file whose titleKey was edited is never overwritten.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, frontmatter, ingest, papersIn, read, root, scratch } from '../support/ingest-cli.ts';
import { legacyTitleKey, titleKey } from '../../src/listing/title-key.ts';

/** A listing file of title/abstract records (layout C), dated by its name. */
function listing(dir: string, date: string, records: Array<[string, string]>): string {
  const path = join(dir, `${date}.txt`);
  writeFileSync(path, `Jan 1\n\n${records.map(([t, a]) => `${t}\n\n${a}\n`).join('\n')}`);
  return path;
}

const titlesIn = (papers: string) => papersIn(papers).map((n) => frontmatter(read(papers, n)).title as string).sort();

describe('titles that differ by what tells papers apart', () => {
  it('"C++ … C#" and "C# … C++", and a title with or without an emoji, are four papers with their own abstracts', async () => {
    const dir = scratch();
    const papers = join(dir, 'papers');
    const path = listing(dir, '2026-01-01', [
      ['C++ Compilers Beat C# Compilers', 'We show that compilers for the first language win every benchmark we ran.'],
      ['C# Compilers Beat C++ Compilers', 'A managed runtime turns out faster on all of our workloads, surprisingly.'],
      ['Tiny Agents 🤖', 'Robots made of a thousand lines of code solve household tasks.'],
      ['Tiny Agents', 'Agents that fit in a phone answer questions offline with small models.'],
    ]);
    const run = await ingest(['--papers-dir', papers, path]);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/4 new, 0 updated/);
    expect(titlesIn(papers)).toEqual(['C# Compilers Beat C++ Compilers', 'C++ Compilers Beat C# Compilers', 'Tiny Agents', 'Tiny Agents 🤖']);
    for (const name of papersIn(papers)) {
      const text = read(papers, name);
      const title = frontmatter(text).title as string;
      const abstract = { 'C++ Compilers Beat C# Compilers': 'first language', 'C# Compilers Beat C++ Compilers': 'managed runtime', 'Tiny Agents 🤖': 'Robots', 'Tiny Agents': 'phone' }[title]!;
      expect(text, name).toContain(abstract);
    }
  });
});

describe('titles that differ only by invisible characters', () => {
  it('are one paper: zero-width space, soft hyphen, word joiner and variation selector', async () => {
    const dir = scratch();
    const papers = join(dir, 'papers');
    const abstract = 'We train sparse mixtures of experts on a trillion tokens and study routing.';
    const first = listing(dir, '2026-01-01', [['Sparse Mixture of Experts at Scale ❤', abstract]]);
    const second = listing(dir, '2026-01-02', [['Sparse Mix\u200Bture of Ex\u00ADperts at\u2060 Scale ❤\uFE0F', abstract]]);
    await ingest(['--papers-dir', papers, first]);
    const run = await ingest(['--papers-dir', papers, second]);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/0 new, 1 updated/);
    const [name] = papersIn(papers);
    expect(papersIn(papers)).toHaveLength(1);
    expect(frontmatter(read(papers, name!)).listings).toHaveLength(2);
  });
});

describe('records that share a title key', () => {
  it('are two papers when their abstracts clearly differ: a suffixed slug and a warning naming both', async () => {
    const dir = scratch();
    const papers = join(dir, 'papers');
    const a = listing(dir, '2026-01-01', [['Scaling Laws Revisited', 'We fit power laws to the loss of language models trained on web text.']]);
    const b = listing(dir, '2026-01-02', [['Scaling Laws, Revisited!', 'Protein folding accuracy grows with the number of sequences in the alignment.']]);
    await ingest(['--papers-dir', papers, a]);
    const run = await ingest(['--papers-dir', papers, b]);
    expect(run.code, run.stdout).toBe(0);
    const names = ['scaling-laws-revisited.md', papersIn(papers).find((n) => n !== 'scaling-laws-revisited.md')!];
    expect(papersIn(papers)).toHaveLength(2);
    expect(names[1]).toMatch(/^scaling-laws-revisited-[0-9a-f]{6}\.md$/);
    expect(read(papers, names[0]!)).toContain('power laws');
    expect(read(papers, names[1]!)).toContain('Protein folding');
    const warning = run.stdout.split('\n').find((l) => l.includes('2026-01-02.txt:3'));
    expect(warning).toMatch(/a different abstract/);
    expect(warning).toContain(join(papers, names[0]!));
    expect(warning).toContain(join(papers, names[1]!));

    // Later captures of each find their own paper; running again changes nothing.
    const later = listing(dir, '2026-01-03', [
      ['Scaling Laws, Revisited!', 'Protein folding accuracy grows with the number of sequences in the alignment.'],
      ['Scaling Laws Revisited', 'We fit power laws to the loss of language models trained on web text.'],
    ]);
    const third = await ingest(['--papers-dir', papers, later]);
    expect(third.stdout).toMatch(/0 new, 2 updated/);
    for (const name of names) expect(frontmatter(read(papers, name)).listings).toHaveLength(2);
    const fourth = await ingest(['--papers-dir', papers, a, b, later]);
    expect(fourth.stdout).toMatch(/0 new, 0 updated, 2 unchanged/);
  });

  it('is one paper when the same abstract comes hard-wrapped, or without one', async () => {
    const dir = scratch();
    const papers = join(dir, 'papers');
    const abstract = 'We fit power laws to the loss of language models trained on web text and find a new exponent.';
    await ingest(['--papers-dir', papers, listing(dir, '2026-01-01', [['Scaling Laws Revisited', abstract]])]);
    const wrapped = abstract.replace(' language', '\nlanguage').replace(' web', '\nweb');
    writeFileSync(join(dir, '2026-01-02.txt'), `Jan 2\n\nScaling laws revisited\n\n${wrapped}\n\nAnother Paper\n\nAnother abstract.\n`);
    writeFileSync(join(dir, '2026-01-03.txt'), 'Jan 3\n\nScaling Laws Revisited\n\n  • 3 authors\n·\nJan 2, 2026\n');
    const run = await ingest(['--papers-dir', papers, join(dir, '2026-01-02.txt'), join(dir, '2026-01-03.txt')]);
    expect(run.code, run.stdout).toBe(0);
    expect(papersIn(papers)).toEqual(['another-paper.md', 'scaling-laws-revisited.md']);
    expect(frontmatter(read(papers, 'scaling-laws-revisited.md')).listings).toHaveLength(3);
  });
});

describe('a record with the abstract of a paper under another title', () => {
  it('is written, and reported as a likely duplicate naming both files', async () => {
    const dir = scratch();
    const papers = join(dir, 'papers');
    const abstract = 'We introduce a benchmark of ten thousand questions about tables, charts and the documents around them.';
    await ingest(['--papers-dir', papers, listing(dir, '2026-01-01', [['TabQA: A Benchmrk for Tables', abstract]])]);
    const run = await ingest(['--papers-dir', papers, listing(dir, '2026-01-02', [['TabQA: A Benchmark for Tables', abstract]])]);
    expect(run.code, run.stdout).toBe(0);
    expect(papersIn(papers)).toEqual(['tabqa-a-benchmark-for-tables.md', 'tabqa-a-benchmrk-for-tables.md']);
    const warning = run.stdout.split('\n').find((l) => l.includes('likely'));
    expect(warning).toContain(join(papers, 'tabqa-a-benchmark-for-tables.md'));
    expect(warning).toContain(join(papers, 'tabqa-a-benchmrk-for-tables.md'));
    expect(warning).toMatch(/same abstract/);
  });
});

describe('a paper file whose titleKey was edited to equal another paper\'s', () => {
  it('is never overwritten: its note, its own keys and its appearances stay; its slug stays reserved', async () => {
    const dir = scratch();
    const papers = join(dir, 'papers');
    const layoutA = join(fixtures, 'layout-a.txt');
    await ingest(['--papers-dir', papers, '--date', '2026-01-08', layoutA]);
    const name = 'a-lone-author-paper.md';
    const edited = read(papers, name)
      .replace(/^titleKey: .*$/m, 'titleKey: sparse mixture of experts at scale\nmyRating: 5')
      .concat('\nMy note below the abstract.\n');
    writeFileSync(join(papers, name), edited);
    const later = join(dir, '2026-01-09.txt');
    cpSync(layoutA, later);

    const run = await ingest(['--papers-dir', papers, later]);
    expect(read(papers, name)).toBe(edited);
    // The paper whose key it took still gets its own appearance, not this file.
    expect(frontmatter(read(papers, 'sparse-mixture-of-experts-at-scale.md')).listings).toHaveLength(2);
    // The lone author paper comes back under a new slug, reported as a likely duplicate of the edited file.
    const added = papersIn(papers).filter((n) => n.startsWith('a-lone-author-paper-'));
    expect(added).toHaveLength(1);
    const warning = run.stdout.split('\n').find((l) => l.includes('likely'));
    expect(warning).toContain(join(papers, name));
    expect(warning).toContain(join(papers, added[0]!));
    expect(papersIn(papers)).toHaveLength(6);
  });
});

describe('title keys written before `+`, `#`, symbols and emoji counted', () => {
  it('are rewritten on the next ingest of the bundled listings: only those keys change, every slug stays', async () => {
    const papers = join(scratch(), 'papers');
    cpSync(join(root, 'content/papers'), papers, { recursive: true });
    // The bundled files as an older ingest wrote them: keys from the old rule.
    const bundled = new Map(papersIn(papers).map((n) => [n, read(papers, n)]));
    const changed: string[] = [];
    for (const [name, text] of bundled) {
      const fm = frontmatter(text);
      const old = legacyTitleKey(fm.title);
      if (old === fm.titleKey) continue;
      expect(fm.titleKey, name).toBe(titleKey(fm.title));
      changed.push(name);
      writeFileSync(join(papers, name), text.replace(/^titleKey: .*$/m, `titleKey: ${old}`));
    }
    expect(changed.length).toBeGreaterThan(0);

    const run = await ingest(['--papers-dir', papers, join(root, 'content/listings')]);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`0 new, ${changed.length} updated, ${566 - changed.length} unchanged`));
    expect(papersIn(papers)).toEqual([...bundled.keys()]);
    for (const [name, text] of bundled) expect(read(papers, name), name).toBe(text);
    const again = await ingest(['--papers-dir', papers, join(root, 'content/listings')]);
    expect(again.stdout).toMatch(/0 new, 0 updated, 566 unchanged/);
    rmSync(papers, { recursive: true, force: true });
  });

  it('the bundled archive already holds the current keys', () => {
    for (const name of papersIn(join(root, 'content/papers'))) {
      const fm = frontmatter(readFileSync(join(root, 'content/papers', name), 'utf8'));
      expect(fm.titleKey, name).toBe(titleKey(fm.title));
    }
  });
});
