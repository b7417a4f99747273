/**
 * One bad day never takes the site down, through the real build (`npm run build` is
 * scripts/build.ts: ingest, then the site): problems in captures are reported (at the end of the
 * build, and as GitHub annotations) and the site is built from everything that could be read;
 * a broken paper file stops every build step at once with one message naming it; SITE_URL with
 * a path is honoured and an invalid one refused in one line; every XML file of the site parses
 * with a strict XML parser even when listings and paper files hold control characters.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { astroBuild, buildScript } from '../support/built-site.ts';
import { fixtures, ingest, papersIn, read, root, scratch, STACK_FRAME } from '../support/ingest-cli.ts';

// A realistic record around the control characters: a few in a page of text is damage, not binary data.
const PADDING = `A Paper Around Them\n\n${'An ordinary abstract sentence about models and data. '.repeat(12)}\n`;

// Builds wait for one another (one build at a time across test files): a guard against a hang, not a timing.
const BUILD_TIMEOUT = 600_000;

/** Every file under `dir` whose name ends with `ext`. */
function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath, e.name));
}

/** The first well-formedness error a strict XML 1.0 parser finds, or null. */
function xmlError(text: string): string | null {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | null = null;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.write(text).close();
  return error;
}

describe('the strict XML check', () => {
  it('catches a control character, so it can fail', () => {
    expect(xmlError('<rss><title>ok</title></rss>')).toBeNull();
    expect(xmlError('<rss><title>bad \u000b</title></rss>')).toMatch(/disallowed character/);
  });
});

describe('npm run build with a bad capture among good ones', () => {
  const dir = scratch('build-problems-');
  const listings = join(dir, 'listings');
  const papers = join(dir, 'papers');
  const out = join(dir, 'dist');
  let build: Awaited<ReturnType<typeof buildScript>>;

  it('publishes everything that could be read, and ends with the problems', async () => {
    mkdirSync(listings);
    cpSync(join(fixtures, 'layout-a.txt'), join(listings, '2026-01-08.txt'));
    cpSync(join(fixtures, 'broken-records.txt'), join(listings, '2026-01-09-broken.txt'));
    writeFileSync(join(listings, '2026-01-10-empty.txt'), '');
    // Control characters, a noncharacter and a bidi override in a title and an abstract.
    writeFileSync(join(listings, '2026-01-11.txt'), `Jan 11\n\nVertical\x0BTab \x1B[31mRed\x1B[0m Paper\uFFFE Evil\n\nAn abstract\x0C with\x07 control characters \uFFFF in it.\n\n${PADDING}`);
    build = await buildScript('scripts/build.ts', out, [listings], { PAPERS_DIR: papers, SITE_URL: 'https://example.org/sub', GITHUB_ACTIONS: 'true' });
    expect(build.code, build.output).toBe(0);
    expect(papersIn(papers)).toHaveLength(9);
    for (const name of papersIn(papers)) expect(existsSync(join(out, 'papers', name.replace(/\.md$/, ''), 'index.html')), name).toBe(true);

    // The summary comes last, after the site's own output, where a maintainer looks.
    const tail = build.stdout.trimEnd().split('\n').slice(-8).join('\n');
    expect(tail).toMatch(/The site was built without what these problems name/);
    expect(tail).toContain(`${join(listings, '2026-01-09-broken.txt')}:13: expected a paper title`);
    expect(tail).toContain(`${join(listings, '2026-01-10-empty.txt')}: the file is empty`);
  }, BUILD_TIMEOUT);

  it('shows each problem as a GitHub annotation with file and line', () => {
    expect(build.stdout).toContain(`::error file=${join(listings, '2026-01-09-broken.txt')},line=13::expected a paper title`);
    expect(build.stdout).toContain(`::error file=${join(listings, '2026-01-10-empty.txt')}::the file is empty`);
    expect(build.stdout).toMatch(/^::warning file=.*2026-01-09-broken\.txt,line=25::/m);
  });

  it('honours a SITE_URL with a path: pages, links and feeds live under it', () => {
    const page = readFileSync(join(out, 'papers/sparse-mixture-of-experts-at-scale/index.html'), 'utf8');
    expect(page).toContain('<link rel="canonical" href="https://example.org/sub/papers/sparse-mixture-of-experts-at-scale/"');
    expect(page).toMatch(/href="\/sub\/topics\//);
    expect(page).not.toMatch(/href="\/(topics|papers|archive)\//);
    expect(readFileSync(join(out, 'rss.xml'), 'utf8')).toContain('<link>https://example.org/sub/digests/');
  });

  it('writes XML that a strict parser accepts, with control characters removed at ingest and at output', () => {
    const xml = filesUnder(out, '.xml');
    expect(xml).toContain(join(out, 'rss.xml'));
    expect(xml.some((f) => /topics\/[^/]+\/rss\.xml$/.test(f))).toBe(true);
    for (const file of xml) expect(xmlError(readFileSync(file, 'utf8')), file).toBeNull();
    for (const name of papersIn(papers)) expect(read(papers, name), name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/);
  });

  it('stops for a paper file it cannot write or read: those stop a build', async () => {
    const brokenPapers = join(dir, 'broken-papers');
    cpSync(papers, brokenPapers, { recursive: true });
    writeFileSync(join(brokenPapers, 'sparse-mixture-of-experts-at-scale.md'), '---\ntitle: [unclosed\n---\n');
    const stopped = await buildScript('scripts/build.ts', join(dir, 'dist-stopped'), [listings], { PAPERS_DIR: brokenPapers });
    expect(stopped.code).toBe(1);
    expect(stopped.output).toMatch(/sparse-mixture-of-experts-at-scale\.md: invalid frontmatter/);
    expect(stopped.output).toMatch(/The build stopped: ingest exited with code 1; its message above says why/);
    expect(existsSync(join(dir, 'dist-stopped', 'index.html'))).toBe(false);
  }, BUILD_TIMEOUT);
});

describe('a paper file control characters were put back into by hand', () => {
  it('still makes feeds that a strict XML parser accepts', async () => {
    const papers = join(scratch(), 'papers');
    await ingest(['--papers-dir', papers, '--date', '2026-01-08', join(fixtures, 'layout-a.txt')]);
    const name = 'glm-tricks-a-report.md';
    writeFileSync(join(papers, name), read(papers, name).replace('title: "GLM Tricks: A Report"', 'title: "GLM\\e[31m Tricks\\v: A Report\\x07"'));
    expect(read(papers, name)).toContain('\\e[31m');
    const out = join(scratch(), 'dist');
    expect((await astroBuild(out, { PAPERS_DIR: papers, OG_IMAGES: 'off' })).code).toBe(0);
    const xml = filesUnder(out, '.xml');
    expect(xml.some((f) => readFileSync(f, 'utf8').includes('GLM[31m Tricks'))).toBe(true);
    for (const file of xml) expect(xmlError(readFileSync(file, 'utf8')), file).toBeNull();
  }, BUILD_TIMEOUT);
});

describe('a paper file the build cannot read', () => {
  it('stops astro build and the search index together, with one message naming every broken file, no stack trace, no orphan', async () => {
    const papers = join(scratch(), 'papers');
    await ingest(['--papers-dir', papers, '--date', '2026-01-08', join(fixtures, 'layout-a.txt')]);
    const bombLines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]', ...'bcdefghi'.split('').map((x, i) => `${x}: &${x} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)];
    const name = 'glm-tricks-a-report.md';
    writeFileSync(join(papers, name), read(papers, name).replace('---\n', `---\n${bombLines.join('\n')}\n`));
    mkdirSync(join(papers, 'a-folder.md'));
    const outDir = join(root, 'node_modules/.cache', `orphan-test-${process.pid}`);
    // Side by side (as PARALLEL_BUILD=1 runs them), so that the failing step has a sibling to stop.
    const run = await buildScript('scripts/build-site.ts', outDir, [], { PAPERS_DIR: papers, PARALLEL_BUILD: '1' });
    const output = run.output;
    expect(run.code, output).toBe(1);
    expect(output).toMatch(/glm-tricks-a-report\.md: .*YAML aliases/);
    expect(output).toMatch(/a-folder\.md: .*a folder/);
    expect(output).toMatch(/The build stopped: .* failed; .* was stopped/);
    expect(output).not.toMatch(STACK_FRAME);
    // Nothing of the build is still running once it has said it stopped.
    const stillRunning = readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(outDir);
      } catch {
        return false;
      }
    });
    expect(stillRunning).toEqual([]);
  }, BUILD_TIMEOUT);
});

describe('an invalid SITE_URL', () => {
  // Every refused value and the BASE_PATH check: tests/unit/config.test.ts. Here: the build says it in one line.
  it('"javascript:alert(1)" stops the build in one line naming SITE_URL, not a bare "Invalid URL"', async () => {
    const build = await astroBuild(join(scratch(), 'dist'), { SITE_URL: 'javascript:alert(1)' });
    expect(build.code).not.toBe(0);
    expect(build.output).toContain('SITE_URL "javascript:alert(1)" is not an http(s) address such as https://example.org or https://example.org/digest/');
    expect(build.output).not.toMatch(/Invalid URL/);
    expect(build.output).not.toMatch(STACK_FRAME);
  }, BUILD_TIMEOUT);
});
