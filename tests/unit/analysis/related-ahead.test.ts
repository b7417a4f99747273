/**
 * Related papers worked out ahead in a worker thread (src/analysis/related-ahead.ts,
 * related-worker.ts): used only for the very papers they were worked out from, so the pages
 * show what working them out anew shows.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { relatableFromFile, relatedAheadOrNow, relatedFingerprint, workOutAhead } from '../../../src/analysis/related-ahead.ts';
import { startRelatedAhead } from '../../../src/analysis/related-worker.ts';
import { relatedPapers, type RelatablePaper } from '../../../src/analysis/related.ts';
import { readPaperFolder } from '../../../src/papers/read.ts';
import { toPaperView } from '../../../src/papers/view.ts';

const paper = (id: string, title: string, abstract: string, topics: string[] = []): RelatablePaper => ({ id, title, abstract, topics, key: id });

const papers: RelatablePaper[] = [
  paper('asr-noise', 'Robust Speech Recognition in Noisy Call Centres', 'We adapt an acoustic model for speech recognition to telephone noise.', ['audio-speech']),
  paper('asr-children', "Speech Recognition for Children's Voices", 'Children confuse acoustic models; we adapt speech recognition with pitch augmentation.', ['audio-speech']),
  paper('prune-llm', 'One-Shot Pruning of Large Language Models', 'We prune half the weights of large language models in one shot.', ['efficiency']),
  paper('prune-vit', 'Structured Pruning of Vision Transformers', 'We prune attention heads of vision transformers with structured pruning.', ['efficiency']),
  paper('splat', 'Gaussian Splatting for Dynamic Scenes', 'We reconstruct dynamic scenes as deforming 3D Gaussians and render novel views.', ['3d-graphics']),
];

const scratch = mkdtempSync(join(tmpdir(), 'related-ahead-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const bundled = join(import.meta.dirname, '../../../content/papers');

/** A folder of 40 of the bundled paper files, of its own. */
function paperFolder(name: string): string {
  const dir = join(scratch, name);
  for (const file of readdirSync(bundled).filter((n) => n.endsWith('.md')).slice(0, 40)) cpSync(join(bundled, file), join(dir, file));
  return dir;
}

/** The papers of a folder as the pages have them: each named by its file's digest. */
async function pagesPapers(dir: string): Promise<RelatablePaper[]> {
  return (await readPaperFolder(dir)).map((paper) => relatableFromFile(toPaperView(paper), paper.digest));
}

// The worker started last is the one the pages wait for: each test starts from none.
beforeEach(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('paper-digest.related-ahead')];
});

describe('related papers worked out ahead', () => {
  it('are worked out in a worker thread from the paper files, as the pages would work them out, and the pages take them', async () => {
    const dir = paperFolder('plain');
    const { answer } = startRelatedAhead({ papersDir: dir });
    const views = await pagesPapers(dir);
    expect(await answer).toEqual(workOutAhead(views));
    // The default the pages use: the answer of the worker this process started.
    expect(await relatedAheadOrNow(views)).toEqual({ related: relatedPapers(views), ahead: true });
  });

  it('started before the papers are ready, read them only once told they are, or end without an answer', async () => {
    const dir = paperFolder('late');
    const ready = Promise.withResolvers<boolean>();
    const { answer } = startRelatedAhead({ papersDir: dir }, ready.promise);
    // Written while the worker waits, as ingest writes beside `astro build`.
    const [name] = readdirSync(dir);
    writeFileSync(join(dir, name!), readFileSync(join(dir, name!), 'utf8').replace(/^title: .*$/m, 'title: "A Title Written While the Worker Waited"'));
    ready.resolve(true);
    expect(await answer).toEqual(workOutAhead(await pagesPapers(dir)));

    // Held: the same work started after it is done, and it has not answered.
    const held = Promise.withResolvers<boolean>();
    const waiting = startRelatedAhead({ papersDir: dir }, held.promise);
    let answered = false;
    void waiting.answer.then(() => (answered = true));
    await startRelatedAhead({ papersDir: dir }).answer;
    expect(answered).toBe(false);
    held.resolve(false);
    expect(await waiting.answer).toBeNull();
  });

  it("keep the papers' stem counts for the next build, written again only when a paper's text changed", async () => {
    const dir = paperFolder('counted');
    const termCountsFile = join(scratch, 'counts', 'term-counts.v8');
    const first = startRelatedAhead({ papersDir: dir, termCountsFile });
    await first.ended;
    const written = { bytes: readFileSync(termCountsFile), mtimeMs: statSync(termCountsFile).mtimeMs };
    const again = startRelatedAhead({ papersDir: dir, termCountsFile });
    expect(await again.answer).toEqual(await first.answer);
    await again.ended;
    expect(statSync(termCountsFile).mtimeMs).toBe(written.mtimeMs);
    const [name] = readdirSync(dir).sort();
    writeFileSync(join(dir, name!), readFileSync(join(dir, name!), 'utf8').replace(/\n*$/, ' We also study speech recognition in noisy call centres.\n'));
    const edited = startRelatedAhead({ papersDir: dir, termCountsFile });
    expect(await edited.answer).toEqual(workOutAhead(await pagesPapers(dir)));
    await edited.ended;
    expect(readFileSync(termCountsFile).equals(written.bytes)).toBe(false);
  });

  it('are used rather than worked out again when they were worked out from these papers, in any order', async () => {
    // An answer no computation would give: only an answer that is used can produce it.
    const madeUp = { fingerprint: relatedFingerprint(papers), related: [['splat', ['asr-noise']]] as Array<[string, string[]]> };
    const { related, ahead } = await relatedAheadOrNow([...papers].reverse(), Promise.resolve(madeUp));
    expect(ahead).toBe(true);
    expect(related.get('splat')).toEqual(['asr-noise']);
  });

  it('are worked out anew for papers edited since', async () => {
    const answer = workOutAhead(papers);
    // The Gaussian splatting paper turns out to be about pruning speech models.
    const edited = papers.map((p) => (p.id === 'splat' ? { ...p, abstract: 'We prune speech recognition models for telephone noise with structured pruning.' } : p));
    const fresh = relatedPapers(edited);
    expect(fresh.get('splat')).not.toEqual(relatedPapers(papers).get('splat'));
    expect(await relatedAheadOrNow(edited, Promise.resolve(answer))).toEqual({ related: fresh, ahead: false });
  });

  it('are worked out by the pages when no worker ran, or when it had no answer', async () => {
    expect(await relatedAheadOrNow(papers)).toEqual({ related: relatedPapers(papers), ahead: false });
    expect(await relatedAheadOrNow(papers, Promise.resolve(null))).toEqual({ related: relatedPapers(papers), ahead: false });
    // A paper file the worker cannot read: it ends without an answer (the content loader names the file).
    const broken = paperFolder('broken');
    writeFileSync(join(broken, 'broken.md'), '---\ntitle: [unclosed\n---\n');
    expect(await startRelatedAhead({ papersDir: broken }).answer).toBeNull();
  });

  it('tell papers apart by everything related papers are worked out from', () => {
    const base = relatedFingerprint(papers);
    expect(relatedFingerprint([...papers].reverse())).toBe(base);
    const edits: Array<Partial<RelatablePaper>> = [{ title: 'Another title' }, { abstract: 'Another abstract.' }, { topics: ['vision'] }, { key: 'merged' }, { id: 'renamed' }];
    for (const edit of edits) expect(relatedFingerprint(papers.map((p, n) => (n === 0 ? { ...p, ...edit } : p))), JSON.stringify(edit)).not.toBe(base);
  });

  it('tell papers read from files apart by their ids and files, and never take them for papers told apart by their texts', async () => {
    const fromFiles = papers.map((p, n) => ({ ...p, source: `file-${n}` }));
    const base = relatedFingerprint(fromFiles);
    expect(relatedFingerprint([...fromFiles].reverse())).toBe(base);
    for (const edit of [{ source: 'edited' }, { id: 'renamed' }]) expect(relatedFingerprint(fromFiles.map((p, n) => (n === 0 ? { ...p, ...edit } : p))), JSON.stringify(edit)).not.toBe(base);
    expect(base).not.toBe(relatedFingerprint(papers));
    // One paper without a file: all are told apart by their texts.
    expect(relatedFingerprint(fromFiles.map((p, n) => (n === 0 ? papers[0]! : p)))).toBe(relatedFingerprint(papers));
    // A file edited after the worker read it: the pages work related papers out themselves.
    const answer = workOutAhead(fromFiles);
    const edited = fromFiles.map((p) => (p.id === 'splat' ? { ...p, source: 'edited', abstract: 'We prune speech recognition models for telephone noise with structured pruning.' } : p));
    expect(await relatedAheadOrNow(edited, Promise.resolve(answer))).toEqual({ related: relatedPapers(edited), ahead: false });
  });
});
