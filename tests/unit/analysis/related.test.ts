/** Related papers: genuinely similar papers first, never the paper itself or its merged duplicates. */
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../../src/papers/file.ts';
import { referenceSize, relatedPapers, type RelatablePaper } from '../../../src/analysis/related.ts';

const paper = (id: string, title: string, abstract: string, topics: string[] = [], key?: string): RelatablePaper => ({ id, title, abstract, topics, key });

/** A small collection: two speech papers, two pruning papers, two 3D papers, a duplicate, a loner. */
const collection: RelatablePaper[] = [
  paper('asr-noise', 'Robust Speech Recognition in Noisy Call Centres', 'We adapt an acoustic model for speech recognition to telephone noise and overlapping speakers, cutting word error rate.', ['audio-speech']),
  paper('asr-children', "Speech Recognition for Children's Voices", "Children's speech confuses acoustic models trained on adults; we adapt speech recognition with pitch augmentation and cut word error rate.", ['audio-speech']),
  paper('prune-llm', 'One-Shot Pruning of Large Language Models', 'We prune half the weights of large language models in one shot, with a pruning criterion based on activations, and keep perplexity low.', ['efficiency', 'language-models']),
  paper('prune-vit', 'Structured Pruning of Vision Transformers', 'We prune attention heads and channels of vision transformers with a structured pruning criterion, halving latency on ImageNet.', ['efficiency', 'vision']),
  paper('splat-scenes', 'Gaussian Splatting for Dynamic Scenes', 'We reconstruct dynamic scenes as deforming 3D Gaussians and render novel views in real time.', ['3d-graphics']),
  paper('splat-avatars', 'Animatable Avatars with Gaussian Splatting', 'We build animatable human avatars from 3D Gaussians attached to a body model and render novel views in real time.', ['3d-graphics']),
  // The same paper as prune-llm, captured with a different title: merged duplicates share a key.
  paper('prune-llm-dup', 'One Shot Pruning of Large Language Models', 'We prune half the weights of large language models in one shot, with a pruning criterion based on activations.', ['efficiency'], 'prune-llm'),
  paper('bread', 'Bread Prices in Medieval Towns', 'Guild records show how bakers priced loaves and shared ovens between 1200 and 1450.', []),
];
collection[2]!.key = 'prune-llm';

describe('related papers on a small collection', () => {
  const related = relatedPapers(collection);

  it('answers for every paper', () => {
    expect([...related.keys()].sort()).toEqual(collection.map((p) => p.id).sort());
  });

  it('never lists a paper as related to itself or to a paper with the same key', () => {
    for (const p of collection) {
      const ids = related.get(p.id)!;
      expect(ids).not.toContain(p.id);
      for (const id of ids) {
        const other = collection.find((c) => c.id === id)!;
        if (p.key !== undefined) expect(other.key, `${p.id} → ${id}`).not.toBe(p.key);
      }
    }
    expect(related.get('prune-llm')).not.toContain('prune-llm-dup');
    expect(related.get('prune-llm-dup')).not.toContain('prune-llm');
  });

  it('ranks the paper on the same subject first', () => {
    expect(related.get('asr-noise')![0]).toBe('asr-children');
    expect(related.get('asr-children')![0]).toBe('asr-noise');
    expect(related.get('prune-vit')![0]).toMatch(/^prune-llm/);
    expect(related.get('splat-scenes')![0]).toBe('splat-avatars');
  });

  it('lists nothing for a paper that shares no telling words with any other', () => {
    expect(related.get('bread')).toEqual([]);
    for (const ids of related.values()) expect(ids).not.toContain('bread');
  });

  it('lists at most k papers', () => {
    for (const ids of related.values()) expect(ids.length).toBeLessThanOrEqual(5);
    for (const ids of relatedPapers(collection, 1).values()) expect(ids.length).toBeLessThanOrEqual(1);
    for (const ids of relatedPapers(collection, 0).values()) expect(ids).toEqual([]);
  });

  it('gives the same answer every time, whatever the order of the papers', () => {
    const reversed = relatedPapers([...collection].reverse());
    expect(reversed).toEqual(related);
    expect(relatedPapers(collection)).toEqual(related);
  });
});

describe('shared topics', () => {
  it('break a tie in text similarity', () => {
    const subject = paper('subject', 'Sparse Coding of Tactile Signals', 'Sparse coding of tactile signals.', ['science-health']);
    const twinA = paper('twin-a', 'Sparse Coding of Tactile Signals Revisited', 'Sparse coding of tactile signals.', ['vision']);
    const twinB = paper('twin-b', 'Sparse Coding of Tactile Signals Revisited', 'Sparse coding of tactile signals.', ['science-health']);
    // Without topics the tie goes to the smaller id; the shared topic lifts twin-b above it.
    expect(relatedPapers([subject, twinA, { ...twinB, topics: [] }]).get('subject')).toEqual(['twin-a', 'twin-b']);
    expect(relatedPapers([subject, twinA, twinB]).get('subject')).toEqual(['twin-b', 'twin-a']);
  });
});

describe('related papers on the bundled collection', () => {
  const dir = fileURLToPath(new URL('../../../content/papers', import.meta.url));
  const papers = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const { data, body } = readFrontmatter(readFileSync(join(dir, name), 'utf8'));
      return paper(name.slice(0, -3), String(data.title), body, Array.isArray(data.topics) ? (data.topics as string[]) : [], String(data.titleKey));
    });
  const related = relatedPapers(papers);
  const titleOf = (id: string) => papers.find((p) => p.id === id)!.title;

  it('finds up to five related papers for nearly every paper', () => {
    const full = [...related.values()].filter((ids) => ids.length === 5).length;
    expect(full / papers.length).toBeGreaterThan(0.9);
  });

  it('relates papers on the same method', () => {
    const mamba = related.get('mamba-linear-time-sequence-modeling-with-selective-state-spaces')!.map(titleOf);
    expect(mamba.filter((title) => /mamba|state.space/i.test(title)).length).toBeGreaterThanOrEqual(3);
    const lora = related.get('elalora-elastic-and-learnable-low-rank-adaptation-for-efficient-model-fine')!.map(titleOf);
    expect(lora.filter((title) => /lora|low-rank|adapt/i.test(title)).length).toBeGreaterThanOrEqual(3);
  });
});

describe('related papers as the collection grows by a day', () => {
  // Seeded pseudo-words: papers share a few rare words with some others, no word is in most papers.
  let seed = 11;
  const random = () => ((seed = (Math.imul(seed, 48271) + 1) >>> 0) % 2 ** 31) / 2 ** 31;
  const syllables = ['ka', 'lo', 'mi', 'ne', 'su', 'ta', 'ri', 'vo', 'ze', 'pu', 'da', 'gi'];
  const vocabulary = Array.from({ length: 3000 }, () => Array.from({ length: 3 + Math.floor(random() * 2) }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
  const words = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
  const day = (n: number) => `2026-${String(1 + Math.floor(n / 28)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
  const make = (i: number, firstSeen: string): RelatablePaper => ({ id: `p${String(i).padStart(5, '0')}`, title: words(6), abstract: words(60), topics: [], firstSeen });
  const archive = Array.from({ length: 1100 }, (_, i) => make(i, day(Math.floor(i / 10))));
  const next = Array.from({ length: 40 }, (_, i) => make(1100 + i, day(200)));

  it('works the weights out from the papers listed first: the whole collection up to 1,000, then steps of a quarter more', () => {
    expect([0, 999, 1000, 1249, 1250, 1562, 1563, 30_049, 100_049].map(referenceSize)).toEqual([0, 999, 1000, 1000, 1250, 1250, 1563, 28_454, 86_836]);
  });

  it("leaves every other paper's related papers as they were, unless one of the day's papers joins them", () => {
    const before = relatedPapers(archive);
    const after = relatedPapers([...archive, ...next]);
    const added = new Set(next.map((p) => p.id));
    let joined = 0;
    for (const [id, list] of before) {
      const now = after.get(id)!;
      if (now.some((r) => added.has(r))) joined++;
      else expect(now, id).toEqual(list);
    }
    // The day's papers do join some lists: the property above is not met by leaving every list alone.
    expect(joined).toBeGreaterThan(0);
    expect(joined).toBeLessThan(archive.length / 4);
  });
});
