/** The ingest CLI end to end: real listing files in, real Markdown files out. */
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));
const samples = join(root, 'content/listings');
const fixtures = join(root, 'tests/fixtures/listings');

async function ingest(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(root, 'scripts/ingest.ts'), '--no-progress', ...args], { cwd: root, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const scratch = () => mkdtempSync(join(tmpdir(), 'paper-digest-'));
const papersIn = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.md')).sort();
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');
const frontmatter = (text: string) => YAML.parse(text.split('---\n')[1]!, { version: '1.1' });
/** Saves a file as git and many editors do: a new file renamed over the old one, which changes the folder's mtime. */
const saveByRenaming = (path: string, text: string) => {
  writeFileSync(`${path}.new`, text);
  renameSync(`${path}.new`, path);
};
const snapshot = (dir: string) => Object.fromEntries(papersIn(dir).map((n) => [n, [read(dir, n), statSync(join(dir, n)).mtimeMs]]));

describe('ingesting the five bundled samples', () => {
  const papers = scratch();
  let first: Awaited<ReturnType<typeof ingest>>;
  beforeAll(async () => {
    first = await ingest('--papers-dir', papers, samples);
  });

  it('reads 43, 47, 399, 40 and 64 records and writes 566 distinct papers', async () => {
    expect(first.code).toBe(0);
    const dry = JSON.parse((await ingest('--dry-run', '--json', samples)).stdout);
    const counts = Object.fromEntries(dry.listings.map((l: { file: string; records: unknown[] }) => [l.file.slice(11, 14), l.records.length]));
    expect(counts).toEqual({ '000': 43, '001': 47, '002': 399, '003': 40, '004': 64 });
    expect(papersIn(papers)).toHaveLength(566);
    expect(first.stdout).toMatch(/566 new, 0 updated, 0 unchanged/);
  });

  it('writes exact field values from every layout', () => {
    const glm = frontmatter(read(papers, papersIn(papers).find((n) => read(papers, n).includes('org:\n  id: zai-org'))!));
    expect(glm.org).toEqual({ id: 'zai-org', name: 'Z.ai' });
    expect(glm.authorsCount).toBeNull();

    const diffusionLink = read(papers, 'diffusion-link-diffusion-probabilistic-model-for-bridging-the-audio-text.md');
    expect(frontmatter(diffusionLink)).toMatchObject({
      title: 'Diffusion-Link: Diffusion Probabilistic Model for Bridging the Audio-Text Modality Gap',
      authorsCount: 5,
      published: '2025-10-13',
      publishedText: 'Oct 13, 2025',
      upvotes: 2,
      urls: ['https://github.com/DevKiHyun/Diffusion-Link'],
      listings: [{ file: '2026-01-05-003_1e2230a16aac1f09.txt', captureDate: '2026-01-05', rank: 1, upvotes: 2 }],
    });
    expect(diffusionLink).toMatch(/\n---\n\nContrastive audio-language pretraining yields/);

    const think = frontmatter(read(papers, 'think-before-recommend-unleashing-the-latent-reasoning-power-for-sequential.md'));
    expect(think).toMatchObject({ publishedText: 'Mar 28', published: '2025-03-28', upvotes: 2, authorsCount: 8 });

    const medVision = frontmatter(read(papers, 'medvisionllama-leveraging-pre-trained-large-language-model-layers-to-enhance.md'));
    expect(medVision).toMatchObject({ title: 'MedVisionLlama: Leveraging Pre-Trained Large Language Model Layers to Enhance Medical Image Segmentation', authorsCount: null, published: null });
  });

  it('merges a paper seen in three listings, keeping every appearance', () => {
    const kan = frontmatter(read(papers, 'activation-space-selectable-kolmogorov-arnold-networks.md'));
    expect(kan.listings.map((a: { captureDate: string }) => a.captureDate)).toEqual(['2025-03-11', '2026-01-05', '2026-01-08']);
    expect(kan).toMatchObject({ authorsCount: 5, published: '2024-08-15' });
  });

  it('changes no byte when run again', async () => {
    const before = snapshot(papers);
    const again = await ingest('--papers-dir', papers, samples);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 new, 0 updated, 566 unchanged/);
    expect(snapshot(papers)).toEqual(before);
  });
});

describe('hand edits, merges and slugs', () => {
  it('keeps a corrected title, extra keys, comments and notes through re-ingest', async () => {
    const papers = scratch();
    await ingest('--papers-dir', papers, join(fixtures, 'layout-a.txt'), '--date', '2026-01-08');
    const name = 'sparse-mixture-of-experts-at-scale.md';
    const edited = read(papers, name)
      .replace('title: Sparse Mixture of Experts at Scale', 'title: Sparse Mixtures of Experts at Scale # fixed typo\nmyRating: 5')
      .concat('\nMy notes: read section 3.\n');
    writeFileSync(join(papers, name), edited);
    const again = await ingest('--papers-dir', papers, join(fixtures, 'layout-a.txt'), '--date', '2026-01-08');
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(read(papers, name)).toBe(edited);
    expect(papersIn(papers)).toHaveLength(5);
  });

  it('merges a later capture into the existing paper: richer metadata wins, appearances grow', async () => {
    const dir = scratch();
    const papers = join(dir, 'papers');
    writeFileSync(join(dir, '2026-01-01.txt'), 'Jan 1\n\nSparse Mixture of Experts at Scale\n\nWe train sparse mixtures of experts.\n');
    writeFileSync(join(dir, '2026-01-08.txt'), readFileSync(join(fixtures, 'layout-a.txt')));
    await ingest('--papers-dir', papers, join(dir, '2026-01-01.txt'));
    const name = 'sparse-mixture-of-experts-at-scale.md';
    writeFileSync(join(papers, name), read(papers, name) + '\nNote kept.\n');
    await ingest('--papers-dir', papers, join(dir, '2026-01-08.txt'));
    const merged = read(papers, name);
    expect(frontmatter(merged)).toMatchObject({
      authorsCount: 5,
      published: '2025-10-13',
      upvotes: 2,
      listings: [
        { file: '2026-01-01.txt', captureDate: '2026-01-01' },
        { file: '2026-01-08.txt', captureDate: '2026-01-08', upvotes: 2 },
      ],
    });
    expect(merged).toMatch(/We train sparse mixtures of experts\.\n\nNote kept\.\n$/);
  });

  it('gives the same slugs whatever order listings arrive in, and never renames a paper', async () => {
    const a = scratch();
    const b = scratch();
    await ingest('--papers-dir', a, samples);
    for (const file of readdirSync(samples).reverse()) await ingest('--papers-dir', b, join(samples, file));
    expect(papersIn(b)).toEqual(papersIn(a));

    const name = 'a-lone-author-paper.md';
    await ingest('--papers-dir', a, join(fixtures, 'layout-a.txt'), '--date', '2026-01-08');
    writeFileSync(join(a, name), read(a, name).replace('title: A Lone Author Paper', 'title: A Renamed Paper'));
    const later = join(scratch(), '2026-01-09.txt');
    cpSync(join(fixtures, 'layout-a.txt'), later);
    await ingest('--papers-dir', a, later);
    expect(papersIn(a).filter((n) => n.includes('renamed'))).toEqual([]);
    expect(frontmatter(read(a, name)).listings).toHaveLength(2);
  });

  it('resolves a slug collision deterministically with a suffix from the title', async () => {
    const dir = scratch();
    const long = 'A Very Long Title About Scaling Laws for Sparse Mixture of Experts Language Models';
    writeFileSync(join(dir, '2026-01-01.txt'), `Jan 1\n\n${long} in Vision\n\nOne.\n\n${long} in Speech\n\nTwo.\n`);
    const papers = join(dir, 'papers');
    await ingest('--papers-dir', papers, join(dir, '2026-01-01.txt'));
    const names = papersIn(papers);
    expect(names).toHaveLength(2);
    const base = 'a-very-long-title-about-scaling-laws-for-sparse-mixture-of-experts-language';
    expect(names).toContain(`${base}.md`);
    expect(names.find((n) => n !== `${base}.md`)).toMatch(new RegExp(`^${base}-[0-9a-f]{6}\\.md$`));
  });
});

describe('bad input', () => {
  it('reports empty, binary and undated files by name, ingests the rest and exits non-zero', async () => {
    const dir = scratch();
    writeFileSync(join(dir, '2026-01-01-empty.txt'), '');
    writeFileSync(join(dir, '2026-01-02-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    writeFileSync(join(dir, 'undated.txt'), 'Some Title\nSome abstract.\n');
    cpSync(join(fixtures, 'layout-c.txt'), join(dir, '2025-03-11.txt'));
    const papers = join(dir, 'papers');
    const run = await ingest('--papers-dir', papers, dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/2026-01-01-empty\.txt: the file is empty/);
    expect(run.stdout).toMatch(/2026-01-02-binary\.txt: the file is binary/);
    expect(run.stdout).toMatch(/undated\.txt: cannot tell when it was captured .*--date YYYY-MM-DD/);
    expect(papersIn(papers)).toHaveLength(2);
  });

  it('says so when a folder holds no listings', async () => {
    const papers = scratch();
    const empty = scratch();
    const run = await ingest('--papers-dir', papers, empty);
    expect(run.stdout).toContain(`${empty}: no .txt or .json listings in this folder`);
  });

  it('reports an unreadable record with file and line, and still writes the good ones', async () => {
    const papers = scratch();
    const listing = join(fixtures, 'broken-records.txt');
    const run = await ingest('--papers-dir', papers, '--date', '2026-01-08', listing);
    expect(run.code).toBe(1);
    // The path as given, so the maintainer can open it as printed.
    expect(run.stdout).toContain(`  ${listing}:13: expected a paper title`);
    expect(papersIn(papers)).toEqual(['a-good-first-paper.md', 'a-good-last-paper.md']);
  });

  /** The layout-A fixture ingested, then one of its papers broken by `save`; the fixture's re-ingest runs with `args`. */
  const brokenByHand = async (save: (path: string, text: string) => void) => {
    const papers = scratch();
    const again = (...args: string[]) => ingest(...args, '--papers-dir', papers, '--date', '2026-01-08', join(fixtures, 'layout-a.txt'));
    await again();
    const broken = '---\ntitle: [unclosed\n---\n\nMy notes.\n';
    save(join(papers, 'a-lone-author-paper.md'), broken);
    return { again, stillBroken: () => expect(read(papers, 'a-lone-author-paper.md')).toBe(broken) };
  };

  it('leaves a paper file broken by hand untouched and names it', async () => {
    const { again, stillBroken } = await brokenByHand(saveByRenaming);
    const run = await again();
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/a-lone-author-paper\.md: invalid frontmatter/);
    stillBroken();
  });

  it('leaves a paper file broken in place untouched, and names it when every file is checked (--rescan)', async () => {
    // Written in place, as some editors save: the folder's mtime stays as the last run left it.
    const { again, stillBroken } = await brokenByHand(writeFileSync);
    const quick = await again();
    expect(quick.code, quick.stdout).toBe(0);
    expect(quick.stdout).toContain('only those these listings reach were checked');
    stillBroken();
    const full = await again('--rescan');
    expect(full.code).toBe(1);
    expect(full.stdout).toMatch(/a-lone-author-paper\.md: invalid frontmatter/);
    expect(full.stdout).not.toContain('only those these listings reach were checked');
    stillBroken();
  });

  it('rejects a malformed --date', async () => {
    const run = await ingest('--dry-run', '--date', '2026-13-01', samples);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/expected a date/);
  });
});

describe('--dry-run --json', () => {
  it('prints the parsed listings and writes nothing', async () => {
    const papers = scratch();
    const run = await ingest('--dry-run', '--json', '--papers-dir', papers, '--date', '2026-01-08', join(fixtures, 'layout-a.txt'));
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.listings[0]).toMatchObject({ file: 'layout-a.txt', layout: 'A', captureDate: '2026-01-08', captureDateSource: 'option' });
    expect(Object.keys(out.listings[0].records[0]).sort()).toEqual(['abstract', 'arxivId', 'authors', 'authorsCount', 'githubRepo', 'org', 'projectPage', 'published', 'publishedText', 'title', 'topics', 'upvotes', 'urls']);
    expect(out.listings[0].records[1].org).toEqual({ id: 'zai-org', name: 'Z.ai' });
    expect(papersIn(papers)).toEqual([]);
  });

  // npm's own "> script" banner goes to stdout unless npm is asked to be silent for that one run.
  it('through `npm run -s ingest`, stdout is the JSON alone, while other npm commands still report their errors', async () => {
    const npm = (...args: string[]) => promisify(execFile)('npm', args, { cwd: root, maxBuffer: 64 << 20 }).catch((error: { stdout: string; stderr: string }) => error);
    const run = await npm('run', '-s', 'ingest', '--', '--no-progress', '--dry-run', '--json', '--date', '2026-01-08', join(fixtures, 'layout-a.txt'));
    expect(JSON.parse(run.stdout).listings[0]).toMatchObject({ file: 'layout-a.txt', layout: 'A' });
    expect((await npm('run', 'no-such-script')).stderr).toMatch(/Missing script: "no-such-script"/);
  });
});

describe('topics at ingest', () => {
  const neutral = (title: string, abstract: string) => `${title}\n\n${abstract}\n`;
  const listing = (dir: string, date: string, body: string) => {
    const path = join(dir, `${date}.txt`);
    writeFileSync(path, `Jan 1\n\n${body}`);
    return path;
  };

  it('files each paper under its classified topics, lists them in --dry-run --json, and counts "other"', async () => {
    const dir = scratch();
    const path = listing(dir, '2026-01-01', [
      neutral('Gaussian Splatting for Dynamic 3D Scene Reconstruction', 'We reconstruct dynamic 3D scenes with Gaussian splatting and neural radiance fields, rendering novel views in real time.'),
      neutral('Notes on Bird Migration Folklore', 'We collect folk tales about the seasonal journeys of swallows in medieval villages.'),
    ].join('\n'));
    const dry = JSON.parse((await ingest('--dry-run', '--json', path)).stdout);
    expect(dry.listings[0].records[0].topics[0]).toBe('3d-graphics');
    expect(dry.listings[0].records[1].topics).toEqual(['other']);
    const papers = join(dir, 'papers');
    const run = await ingest('--papers-dir', papers, path);
    expect(run.stdout).toMatch(/Topics: 1 of the papers written fit no topic and went to "other"/);
    const fm = frontmatter(read(papers, 'gaussian-splatting-for-dynamic-3d-scene-reconstruction.md'));
    expect(fm.topics[0]).toBe('3d-graphics');
    expect(fm.autoTopics).toEqual(fm.topics);
  });

  it('keeps topics set by hand through re-ingest and through a taxonomy change', async () => {
    const dir = scratch();
    const papers = join(dir, 'papers');
    const first = listing(dir, '2026-01-01', neutral('Gaussian Splatting for Dynamic 3D Scene Reconstruction', 'We reconstruct dynamic 3D scenes with Gaussian splatting.'));
    await ingest('--papers-dir', papers, first);
    const name = 'gaussian-splatting-for-dynamic-3d-scene-reconstruction.md';
    writeFileSync(join(papers, name), read(papers, name).replace(/^topics:\n(  - .*\n)+/m, 'topics:\n  - vision\n'));
    const edited = read(papers, name);
    await ingest('--papers-dir', papers, first);
    expect(read(papers, name)).toBe(edited);

    // A new taxonomy re-files every paper, but a hand-set choice still wins.
    const topicsFile = join(dir, 'topics.yaml');
    writeFileSync(topicsFile, readFileSync(join(root, 'content/topics.yaml'), 'utf8').replace('name: 3D & graphics', 'name: 3D and graphics'));
    const second = listing(dir, '2026-01-02', neutral('Another Splatting Paper', 'Gaussian splatting renders 3D scenes.'));
    const run = await ingest('--papers-dir', papers, '--topics', topicsFile, second);
    expect(run.stdout).toMatch(/the taxonomy .* changed, so every paper was filed again/);
    expect(frontmatter(read(papers, name)).topics).toEqual(['vision']);
    expect(frontmatter(read(papers, name)).autoTopics[0]).toBe('3d-graphics');
  });
});

describe('fields ingest and the build both insist on', () => {
  it('a missing titleKey or a topic that is not a slug makes the file broken for ingest, naming the field', async () => {
    const papers = scratch();
    await ingest('--papers-dir', papers, '--date', '2026-01-08', join(fixtures, 'layout-a.txt'));
    const noKey = 'a-lone-author-paper.md';
    const badTopic = 'sparse-mixture-of-experts-at-scale.md';
    writeFileSync(join(papers, noKey), read(papers, noKey).replace(/^titleKey: .*\n/m, ''));
    writeFileSync(join(papers, badTopic), read(papers, badTopic).replace(/^topics:\n(  - .*\n)+/m, 'topics:\n  - a/b\n'));
    const before = [read(papers, noKey), read(papers, badTopic)];
    const later = join(scratch(), '2026-01-09.txt');
    cpSync(join(fixtures, 'layout-a.txt'), later);
    const run = await ingest('--papers-dir', papers, later);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/a-lone-author-paper\.md: field "titleKey"/);
    expect(run.stdout).toMatch(/sparse-mixture-of-experts-at-scale\.md: field "topics\.0": expected a topic slug/);
    expect([read(papers, noKey), read(papers, badTopic)]).toEqual(before);
  });
});

describe('one more day, with the ingest index', () => {
  const listingNames = readdirSync(samples).sort();
  const lastDay = listingNames.at(-1)!;

  it('writes again a paper deleted while the folder kept its modification time', async () => {
    // A delete in the same clock tick as the last run, or a backup tool restoring the folder's
    // times: the folder looks as the last run left it, but a paper an unchanged listing made is gone.
    const listings = scratch();
    const papers = join(scratch(), 'papers');
    cpSync(join(samples, lastDay), join(listings, lastDay));
    expect((await ingest('--papers-dir', papers, listings)).code).toBe(0);
    const [gone] = papersIn(papers);
    const before = read(papers, gone!);
    const folder = statSync(papers);
    rmSync(join(papers, gone!));
    utimesSync(papers, folder.atimeMs / 1000, folder.mtimeMs / 1000);
    const again = await ingest('--papers-dir', papers, listings);
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toContain('1 new');
    expect(frontmatter(read(papers, gone!)).title).toBe(frontmatter(before).title);
  });

  it('reads only the new listing and the papers it can reach, and notices files edited by hand', async () => {
    const listings = scratch();
    const papers = join(scratch(), 'papers');
    for (const name of listingNames.slice(0, -1)) cpSync(join(samples, name), join(listings, name));
    expect((await ingest('--papers-dir', papers, listings)).code).toBe(0);
    expect(readdirSync(join(papers, '..'))).toContain('.papers-index.json');

    // A paper the new day does not name, broken in place with its size and mtime kept: a run
    // that read it would report it. The index says it is unchanged, so it is not read.
    const all = scratch();
    await ingest('--papers-dir', all, samples);
    const unnamed = papersIn(all).find((n) => !frontmatter(read(all, n)).listings.some((l: { file: string }) => l.file === lastDay))!;
    const path = join(papers, unnamed);
    // In seconds as numbers: a Date would round the mtime to the nearest millisecond.
    const atime = statSync(path).atimeMs / 1000;
    const mtime = statSync(path).mtimeMs / 1000;
    const hidden = read(papers, unnamed).replace(/^---/, '+++');
    writeFileSync(path, hidden);
    utimesSync(path, atime, mtime);

    cpSync(join(samples, lastDay), join(listings, lastDay));
    const day = await ingest('--papers-dir', papers, listings);
    expect(day.code, day.stdout).toBe(0);
    expect(day.stdout).toContain('Read 1 listing(s)');
    expect(day.stdout).toContain(`${listingNames.length - 1} listing(s) ingested before and unchanged: not read again.`);
    expect(papersIn(papers)).toEqual(papersIn(all));
    expect(read(papers, unnamed)).toBe(hidden);
    for (const name of papersIn(all)) if (name !== unnamed) expect(read(papers, name), name).toBe(read(all, name));

    // Touched in place by hand (a new mtime), it is still not read: the folder is as the last
    // run left it and no record reaches the file. Any file added, removed or renamed there, or
    // --rescan, and every file is checked: the same file is read and named.
    utimesSync(path, atime, mtime + 60);
    const quick = await ingest('--papers-dir', papers, listings);
    expect(quick.code, quick.stdout).toBe(0);
    expect(quick.stdout).toContain('only those these listings reach were checked');
    writeFileSync(join(papers, 'notes.txt'), 'A file of my own beside the papers.\n');
    const after = await ingest('--papers-dir', papers, listings);
    expect(after.code).toBe(1);
    expect(after.stdout).toContain(unnamed);
    expect(after.stdout).not.toContain('only those these listings reach were checked');
    expect(read(papers, unnamed)).toBe(hidden);
    const rescan = await ingest('--rescan', '--papers-dir', papers, listings);
    expect(rescan.code).toBe(1);
    expect(rescan.stdout).toContain(unnamed);
  });

  it('writes a paper again from its listing when its file was deleted by hand', async () => {
    const papers = scratch();
    expect((await ingest('--papers-dir', papers, samples)).code).toBe(0);
    const gone = papersIn(papers)[0]!;
    const text = read(papers, gone);
    rmSync(join(papers, gone));
    const again = await ingest('--papers-dir', papers, samples);
    expect(again.code).toBe(0);
    expect(read(papers, gone)).toBe(text);
  });

  it('reads a listing again once its bytes change', async () => {
    const listings = scratch();
    const papers = join(scratch(), 'papers');
    for (const name of listingNames) cpSync(join(samples, name), join(listings, name));
    expect((await ingest('--papers-dir', papers, listings)).code).toBe(0);
    const first = listingNames[0]!;
    writeFileSync(join(listings, first), `${read(listings, first)}\n`);
    const again = await ingest('--papers-dir', papers, listings);
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toContain('Read 1 listing(s)');
    expect(again.stdout).toContain(`  ${first}: `);
  });

  /** A layout A capture of the given papers (title, abstract), as a Daily Papers page prints them. */
  const capture = (papers: Array<[string, string]>) =>
    `Daily Papers\n\n${papers.map(([title, abstract]) => `${title}\n\n${abstract}\n\n  • 3 authors\n·\nJan 3 1\n`).join('\n')}`;
  const mambaOne = 'We introduce a selective state space model that scales linearly with sequence length on language modelling.';
  const mambaTwo = 'A dance troupe from Brazil describes the history of its choreography and its tours across four continents.';

  it('reads the unchanged twin of a paper edited by hand before comparing the two (one-word title keys)', async () => {
    const listings = scratch();
    const papers = join(scratch(), 'papers');
    writeFileSync(join(listings, '2026-01-03.txt'), capture([['Mamba', mambaOne]]));
    writeFileSync(join(listings, '2026-01-04.txt'), capture([['Mamba', mambaTwo]]));
    expect((await ingest('--papers-dir', papers, listings)).code).toBe(0);
    const twins = papersIn(papers);
    expect(twins).toHaveLength(2);
    // The file that sorts second edited by hand; its twin unchanged, known from the index.
    const edited = twins[1]!;
    writeFileSync(join(papers, edited), `${read(papers, edited)}\nA note by hand.\n`);
    writeFileSync(join(listings, '2026-01-05.txt'), capture([['Mamba', mambaOne]]));
    const run = await ingest('--papers-dir', papers, listings);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(/cannot be opened|was not read/);
    expect(papersIn(papers)).toEqual(twins);
    const listed = twins.filter((name) => read(papers, name).includes('2026-01-05.txt'));
    expect(listed).toHaveLength(1);
    expect(read(papers, listed[0]!)).toContain(mambaOne);
    expect(read(papers, edited)).toContain('A note by hand.');
  });

  it('merges a listing again into a paper file reverted by hand to before it', async () => {
    const listings = scratch();
    const papers = join(scratch(), 'papers');
    writeFileSync(join(listings, '2026-01-03.txt'), capture([['Selective State Spaces', mambaOne]]));
    expect((await ingest('--papers-dir', papers, listings)).code).toBe(0);
    const [name] = papersIn(papers);
    const before = read(papers, name!);
    writeFileSync(join(listings, '2026-01-04.txt'), capture([['Selective State Spaces', mambaOne]]));
    expect((await ingest('--papers-dir', papers, listings)).code).toBe(0);
    expect(read(papers, name!)).toContain('2026-01-04.txt');
    // Reverted to its first version (as `git checkout` would, a new file in its place): the second listing is merged again.
    saveByRenaming(join(papers, name!), before);
    const again = await ingest('--papers-dir', papers, listings);
    expect(again.code).toBe(0);
    expect(read(papers, name!)).toContain('2026-01-04.txt');
    // Reverted in place, the folder as the last run left it: merged again once every file is checked.
    writeFileSync(join(papers, name!), before);
    expect((await ingest('--papers-dir', papers, listings)).code).toBe(0);
    expect(read(papers, name!)).toBe(before);
    expect((await ingest('--rescan', '--papers-dir', papers, listings)).code).toBe(0);
    expect(read(papers, name!)).toContain('2026-01-04.txt');
  });

  it('reads a listing whose name another input shares, whatever the index says of the other', async () => {
    const [one, two] = [scratch(), scratch()];
    const papers = join(scratch(), 'papers');
    writeFileSync(join(one, '2026-01-03.txt'), capture([['Selective State Spaces', mambaOne]]));
    writeFileSync(join(two, '2026-01-03.txt'), capture([['A Dance Troupe on Tour', mambaTwo]]));
    expect((await ingest('--papers-dir', papers, join(one, '2026-01-03.txt'))).code).toBe(0);
    const run = await ingest('--papers-dir', papers, join(one, '2026-01-03.txt'), join(two, '2026-01-03.txt'));
    expect(run.code, run.stdout).toBe(0);
    expect(papersIn(papers)).toHaveLength(2);
  });

  it('reads everything again when the index is damaged, and loses nothing', async () => {
    const papers = join(scratch(), 'papers');
    expect((await ingest('--papers-dir', papers, samples)).code).toBe(0);
    const before = snapshot(papers);
    writeFileSync(join(papers, '..', '.papers-index.json'), '{"version": 1, "papers": ');
    const again = await ingest('--papers-dir', papers, samples);
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toContain(`Read ${listingNames.length} listing(s)`);
    expect(again.stdout).toContain('0 new, 0 updated, 566 unchanged');
    expect(snapshot(papers)).toEqual(before);
  });
});
