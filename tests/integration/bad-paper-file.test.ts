/**
 * Paper files a maintainer broke by hand (invalid YAML, a field of the wrong type, no
 * title): ingest names each one, with the field, and leaves it byte for byte as it is;
 * `astro build` stops with one readable message naming every such file and field, and
 * no stack trace.
 */
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { astroBuild } from '../support/built-site.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const layoutA = join(root, 'tests/fixtures/listings/layout-a.txt');

async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string; stdout: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
    return { code: 0, output: stdout + stderr, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr, stdout: e.stdout };
  }
}

const ingest = (...args: string[]) => run([join(root, 'scripts/ingest.ts'), '--no-progress', ...args]);

/** Hand edits that break a paper file, each applied to a file ingest wrote. */
const BREAKAGES: Array<{ file: string; edit: (text: string) => string; field: RegExp }> = [
  { file: 'sparse-mixture-of-experts-at-scale.md', edit: (t) => t.replace(/^title: .*$/m, 'title: [unclosed'), field: /invalid frontmatter/ },
  { file: 'glm-tricks-a-report.md', edit: (t) => t.replace(/^upvotes: 1$/m, 'upvotes: many'), field: /field "upvotes": .*expected number, received string/ },
  { file: 'a-lone-author-paper.md', edit: (t) => t.replace(/^title: .*\n/m, ''), field: /field "title": .*expected string, received undefined/ },
  // Rewriting this one would drop the note above its frontmatter.
  { file: 'last-paper-dated-in-2024.md', edit: (t) => `My note, above the frontmatter.\n${t}`, field: /no frontmatter: the file must start with a line "---"/ },
];

/** Ingests the layout-A fixture into a fresh folder, then breaks four of its five papers. */
async function brokenCollection(): Promise<string> {
  const papers = join(mkdtempSync(join(tmpdir(), 'bad-paper-')), 'papers');
  expect((await ingest('--papers-dir', papers, '--date', '2026-01-08', layoutA)).code).toBe(0);
  for (const { file, edit } of BREAKAGES) {
    const text = readFileSync(join(papers, file), 'utf8');
    expect(edit(text), file).not.toBe(text);
    writeFileSync(join(papers, file), edit(text));
  }
  return papers;
}

describe('paper files broken by hand', () => {
  it('are named with the field by ingest and left untouched, while the others are updated', async () => {
    const papers = await brokenCollection();
    const broken = Object.fromEntries(BREAKAGES.map(({ file }) => [file, readFileSync(join(papers, file), 'utf8')]));
    // A later capture of the same page: every paper in it would get a new appearance.
    const later = join(mkdtempSync(join(tmpdir(), 'bad-paper-')), '2026-01-09.txt');
    cpSync(layoutA, later);

    const result = await ingest('--papers-dir', papers, later);
    expect(result.code).toBe(1);
    for (const { file, field } of BREAKAGES) {
      expect(result.stdout).toMatch(new RegExp(`${file.replace(/\./g, '\\.')}: .*left untouched until fixed`));
      expect(result.stdout.split('\n').find((l) => l.includes(file))).toMatch(field);
      expect(readFileSync(join(papers, file), 'utf8'), file).toBe(broken[file]);
    }
    // Their records are held back, not written to a second copy of the paper.
    expect(result.stdout).toMatch(/0 new, 1 updated, 0 unchanged/);
    expect(result.stdout).toMatch(/2026-01-09\.txt:\d+: "GLM Tricks: A Report" is the paper in .*glm-tricks-a-report\.md, which cannot be read; skipped until that file is fixed/);
    expect(readdirSync(papers)).toHaveLength(5);

    // Once the maintainer fixes the file, the next run brings in what was held back.
    writeFileSync(join(papers, 'glm-tricks-a-report.md'), broken['glm-tricks-a-report.md']!.replace('upvotes: many', 'upvotes: 1'));
    const again = await ingest('--papers-dir', papers, later);
    expect(again.stdout).toMatch(/0 new, 1 updated, 1 unchanged/);
    expect(readFileSync(join(papers, 'glm-tricks-a-report.md'), 'utf8')).toMatch(/file: 2026-01-09\.txt/);
  });

  it('stop the build with every file and field named, and no stack trace', async () => {
    const papers = await brokenCollection();
    const out = mkdtempSync(join(tmpdir(), 'bad-paper-dist-'));
    const build = await astroBuild(out, { PAPERS_DIR: papers });
    expect(build.code).not.toBe(0);
    expect(build.output).toMatch(/4 paper file\(s\) cannot be read\. Fix them by hand/);
    for (const { file, field } of BREAKAGES) {
      const line = build.output.split('\n').find((l) => l.includes(`papers/${file}: `));
      expect(line, `the build output names ${file}`).toBeDefined();
      expect(line).toMatch(field);
    }
    expect(build.output).not.toMatch(/Stack trace|^\s+at .*\(.*:\d+:\d+\)$/m);
  }, 600_000);
});
