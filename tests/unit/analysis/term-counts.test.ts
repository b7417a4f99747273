/**
 * Stem counts kept from one build to the next (src/analysis/term-counts.ts): a paper whose title
 * and abstract are unchanged is taken from the file, any other is counted again, and related
 * papers come out exactly as counting every paper anew gives them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { relatedPapers, type RelatablePaper } from '../../../src/analysis/related.ts';
import { TermCounts } from '../../../src/analysis/term-counts.ts';
import { readFrontmatter } from '../../../src/papers/file.ts';

const dir = fileURLToPath(new URL('../../../content/papers', import.meta.url));
const bundled: RelatablePaper[] = readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .slice(0, 120)
  .map((name) => {
    const { data, body } = readFrontmatter(readFileSync(`${dir}/${name}`, 'utf8'));
    const d = data as { title: string; topics?: string[]; titleKey?: string };
    return { id: name.slice(0, -3), title: d.title, abstract: body.trim(), topics: d.topics ?? [], key: d.titleKey };
  });

/** Counts as a later build reads them back: through the file format. */
const reread = (counts: TermCounts) => TermCounts.fromFile(deserialize(serialize(counts.toFile('v1'))), 'v1');

describe('stem counts kept between builds', () => {
  it('give exactly the related papers counting anew gives, counting no paper again', () => {
    const first = new TermCounts();
    const fresh = relatedPapers(bundled, 5, first);
    expect(first.fresh).toBe(bundled.length);
    const kept = reread(first);
    // In another order, as the next build may meet them.
    expect(relatedPapers([...bundled].reverse(), 5, kept)).toEqual(fresh);
    expect(kept.fresh).toBe(0);
    expect(kept.changed).toBe(false);
  });

  it('are taken from the file for an unchanged paper: what the file says is what is used', () => {
    const first = new TermCounts();
    const original = first.of(bundled[0]!);
    const file = first.toFile('v1');
    // Counts no paper's text would give: only counts read from the file can come out.
    file.counts.fill(7);
    const kept = TermCounts.fromFile(deserialize(serialize(file)), 'v1');
    const vector = kept.of(bundled[0]!);
    expect([...vector.weights]).toEqual(new Array(original.weights.length).fill(7));
    expect([...vector.terms].map((t) => kept.names[t])).toEqual([...original.terms].map((t) => first.names[t]));
    expect(kept.fresh).toBe(0);
  });

  it('count a paper again when its title or abstract changed, and forget papers gone', () => {
    const first = new TermCounts();
    relatedPapers(bundled, 5, first);
    const edited = bundled.slice(1).map((p, n) => (n === 0 ? { ...p, abstract: `${p.abstract} Speech recognition for telephone noise.` } : n === 1 ? { ...p, title: `${p.title} Revisited` } : p));
    const kept = reread(first);
    expect(relatedPapers(edited, 5, kept)).toEqual(relatedPapers(edited));
    expect(kept.fresh).toBe(2);
    expect(kept.changed).toBe(true);
    expect(kept.toFile('v1').ids).toHaveLength(edited.length);
  });

  it('are not used from a file of another version or of another shape', () => {
    const first = new TermCounts();
    relatedPapers(bundled, 5, first);
    for (const value of [first.toFile('v0'), { ...first.toFile('v1'), offsets: [0] }, null, 'not counts']) {
      const kept = TermCounts.fromFile(value, 'v1');
      expect(relatedPapers(bundled, 5, kept)).toEqual(relatedPapers(bundled));
      expect(kept.fresh).toBe(bundled.length);
    }
  });
});
