import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// The frontmatter reader the build's content loader and ingest both use (YAML 1.1).
import { readFrontmatter } from '../../../src/papers/file.ts';
import { describe, expect, it } from 'vitest';
import { paperSchema } from '../../../src/papers/schema.ts';

const minimal = {
  title: 'T',
  titleKey: 't',
  listings: [{ file: '2026-01-05-003.txt', captureDate: '2026-01-05', rank: 1 }],
};

describe('paperSchema', () => {
  it('fills defaults for optional fields', () => {
    expect(paperSchema.parse(minimal)).toEqual({
      ...minimal,
      arxiv: null,
      authors: null,
      authorsCount: null,
      org: null,
      published: null,
      publishedText: null,
      upvotes: null,
      urls: [],
      github: null,
      projectPage: null,
      topics: [],
      autoTopics: [],
      listings: [{ ...minimal.listings[0], upvotes: null }],
    });
  });

  it('keeps unknown keys, top-level and nested', () => {
    const data = paperSchema.parse({
      ...minimal,
      note: 'mine',
      org: { id: 'zai-org', name: 'Z.ai', url: 'https://z.ai' },
    });
    expect(data['note']).toBe('mine');
    expect(data.org).toEqual({ id: 'zai-org', name: 'Z.ai', url: 'https://z.ai' });
  });

  it('accepts dates parsed by YAML as Date and outputs YYYY-MM-DD', () => {
    const { data: frontmatter } = readFrontmatter(
      '---\ntitle: T\ntitleKey: t\npublished: 2025-10-13\nlistings:\n  - {file: f.txt, captureDate: 2026-01-07, rank: 1}\n---\n',
    );
    expect(frontmatter['published']).toBeInstanceOf(Date);
    const data = paperSchema.parse(frontmatter);
    expect(data.published).toBe('2025-10-13');
    expect(data.listings[0]?.captureDate).toBe('2026-01-07');
  });

  it.each(['2025-02-30', '2025-1-5', 'Oct 13, 2025', '2025-10-13T00:00:00Z', ''])(
    'rejects the non-ISO date %j',
    (published) => {
      expect(paperSchema.safeParse({ ...minimal, published }).success).toBe(false);
    },
  );

  it.each([
    ['no listings', { ...minimal, listings: [] }],
    ['authorsCount 0', { ...minimal, authorsCount: 0 }],
    ['negative upvotes', { ...minimal, upvotes: -1 }],
    ['fractional rank', { ...minimal, listings: [{ ...minimal.listings[0], rank: 1.5 }] }],
    ['rank 0', { ...minimal, listings: [{ ...minimal.listings[0], rank: 0 }] }],
    ['org without name', { ...minimal, org: { id: 'x' } }],
    ['missing titleKey', { title: 'T', listings: minimal.listings }],
  ])('rejects %s', (_name, input) => {
    expect(paperSchema.safeParse(input).success).toBe(false);
  });
});

describe('site fixtures', () => {
  const dir = join(import.meta.dirname, '../../fixtures/site-papers');
  const files = readdirSync(dir).filter((name) => name.endsWith('.md'));

  it('has fixtures', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s satisfies the schema', (name) => {
    const { data: frontmatter } = readFrontmatter(readFileSync(join(dir, name), 'utf8'));
    expect(paperSchema.safeParse(frontmatter).error).toBeUndefined();
  });
});
