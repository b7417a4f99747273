/**
 * Related papers handed to the build in a file (src/analysis/related-file.ts): used only for the
 * very papers they were worked out from, so the pages show what working them out anew shows.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { relatedFingerprint, relatedFromFileOrNow, writeRelatedFile } from '../../../src/analysis/related-file.ts';
import { relatedPapers, type RelatablePaper } from '../../../src/analysis/related.ts';

const paper = (id: string, title: string, abstract: string, topics: string[] = []): RelatablePaper => ({ id, title, abstract, topics, key: id });

const papers: RelatablePaper[] = [
  paper('asr-noise', 'Robust Speech Recognition in Noisy Call Centres', 'We adapt an acoustic model for speech recognition to telephone noise.', ['audio-speech']),
  paper('asr-children', "Speech Recognition for Children's Voices", 'Children confuse acoustic models; we adapt speech recognition with pitch augmentation.', ['audio-speech']),
  paper('prune-llm', 'One-Shot Pruning of Large Language Models', 'We prune half the weights of large language models in one shot.', ['efficiency']),
  paper('prune-vit', 'Structured Pruning of Vision Transformers', 'We prune attention heads of vision transformers with structured pruning.', ['efficiency']),
  paper('splat', 'Gaussian Splatting for Dynamic Scenes', 'We reconstruct dynamic scenes as deforming 3D Gaussians and render novel views.', ['3d-graphics']),
];

const dir = mkdtempSync(join(tmpdir(), 'related-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('related papers from a file', () => {
  it('gives from the file what working them out gives, for the same papers in any order', async () => {
    const file = join(dir, 'same.json');
    await writeRelatedFile(file, papers);
    expect(relatedFromFileOrNow([...papers].reverse(), file)).toEqual({ related: relatedPapers(papers), fromFile: true });
  });

  it('uses the file rather than working them out again when the papers are those it was made from', () => {
    const file = join(dir, 'made-up.json');
    // A file whose answer no computation would give: only a file that is read can produce it.
    writeFileSync(file, JSON.stringify({ fingerprint: relatedFingerprint(papers), related: [['splat', ['asr-noise']]] }));
    expect(relatedFromFileOrNow(papers, file).related.get('splat')).toEqual(['asr-noise']);
  });

  it('works them out anew for papers edited since the file was written', async () => {
    const file = join(dir, 'before-edit.json');
    await writeRelatedFile(file, papers);
    // The Gaussian splatting paper turns out to be about pruning speech models.
    const edited = papers.map((p) => (p.id === 'splat' ? { ...p, abstract: 'We prune speech recognition models for telephone noise with structured pruning.' } : p));
    const fresh = relatedPapers(edited);
    expect(fresh.get('splat')).not.toEqual(relatedPapers(papers).get('splat'));
    expect(relatedFromFileOrNow(edited, file)).toEqual({ related: fresh, fromFile: false });
  });

  it('works them out when the file is missing, unreadable or not a related-papers file', () => {
    writeFileSync(join(dir, 'broken.json'), '{"fingerprint": ');
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ fingerprint: relatedFingerprint(papers), related: { splat: [] } }));
    for (const file of [join(dir, 'missing.json'), join(dir, 'broken.json'), join(dir, 'other.json'), undefined]) {
      expect(relatedFromFileOrNow(papers, file)).toEqual({ related: relatedPapers(papers), fromFile: false });
    }
  });

  it('tells papers apart by everything related papers are worked out from', () => {
    const base = relatedFingerprint(papers);
    expect(relatedFingerprint([...papers].reverse())).toBe(base);
    const edits: Array<Partial<RelatablePaper>> = [{ title: 'Another title' }, { abstract: 'Another abstract.' }, { topics: ['vision'] }, { key: 'merged' }, { id: 'renamed' }];
    for (const edit of edits) expect(relatedFingerprint(papers.map((p, n) => (n === 0 ? { ...p, ...edit } : p))), JSON.stringify(edit)).not.toBe(base);
  });
});
