/** Which papers get a page of their own, and which bundle holds the others' articles (src/site/paper-pages.ts). */
import { describe, expect, it } from 'vitest';
import { bundleCount, bundleOf, papersWithPages, PAPERS_PER_BUNDLE } from '../../../src/site/paper-pages.ts';

const paper = (slug: string, firstSeen: string) => ({ slug, firstSeen });
const archive = [paper('c', '2025-01-02'), paper('a', '2025-01-03'), paper('d', '2025-01-01'), paper('b', '2025-01-03')];

describe('papers with a page of their own', () => {
  it('are all of them unless limited', () => {
    expect(papersWithPages(archive, undefined)).toEqual(archive);
    expect(papersWithPages(archive, 10)).toEqual(archive);
  });

  it('are the most recently listed when limited, ties by slug, in the order given', () => {
    expect(papersWithPages(archive, 3).map((p) => p.slug)).toEqual(['c', 'a', 'b']);
    expect(papersWithPages(archive, 1).map((p) => p.slug)).toEqual(['a']);
    expect(papersWithPages(archive, 0)).toEqual([]);
  });
});

describe('bundles of articles', () => {
  it('are a power of two, enough for the articles at about 32 each', () => {
    expect([0, 1, PAPERS_PER_BUNDLE, PAPERS_PER_BUNDLE + 1, 466, 18_000].map(bundleCount)).toEqual([0, 1, 1, 2, 16, 1024]);
  });

  it('hold each paper in one bundle, found from its slug alone, spread evenly', () => {
    const slugs = Array.from({ length: 3200 }, (_, i) => `paper-${i}-on-something`);
    const sizes = new Array<number>(100).fill(0);
    for (const slug of slugs) sizes[bundleOf(slug, 100)]! += 1;
    // The build and the browser compute it alike: pinned, so a change of hash is a deliberate one.
    expect([bundleOf('mamba', 16), bundleOf('attention-is-all-you-need', 1024)]).toEqual([3, 291]);
    expect(Math.min(...sizes)).toBeGreaterThan(10);
    expect(Math.max(...sizes)).toBeLessThan(60);
  });
});
