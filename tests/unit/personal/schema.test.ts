import { describe, expect, it } from 'vitest';
import { migrate, NewerVersionError } from '../../../src/personal/migrate.ts';
import { readExportFile } from '../../../src/personal/schema.ts';
import { mergeImport } from '../../../src/personal/saved-list.ts';
import { fromEntries, toEntries } from '../../../src/personal/snapshot.ts';
import { EXPORT_FORMAT, SCHEMA_VERSION } from '../../../src/personal/version.ts';

const saved = { slug: 'a-paper', title: 'A Paper', topics: ['vision'], date: '2026-01-08', savedAt: 1000 };
const file = (over: Record<string, unknown> = {}) => JSON.stringify({ format: EXPORT_FORMAT, version: SCHEMA_VERSION, saved: [saved], watch: [{ words: 'llm', addedAt: 5 }], seen: ['a-paper'], ...over });

describe('readExportFile', () => {
  it('reads an exported file', () => {
    expect(readExportFile(file())).toEqual({ data: JSON.parse(file()) });
  });

  it('names what is wrong, and where', () => {
    expect(readExportFile('{')).toEqual({ problem: 'it is not JSON' });
    expect(readExportFile('{"saved": []}')).toEqual({ problem: expect.stringMatching(/not a Paper Digest export/) });
    expect(readExportFile(file({ saved: [{ ...saved, slug: '../../x' }] }))).toEqual({ problem: expect.stringMatching(/^saved\[0\]\.slug: expected a paper slug/) });
    expect(readExportFile(file({ watch: [{ addedAt: 1 }] }))).toEqual({ problem: expect.stringMatching(/^watch\[0\]: a watch needs words, a topic or an organisation/) });
    expect(readExportFile(file({ version: SCHEMA_VERSION + 1 }))).toEqual({ problem: expect.stringMatching(/newer version of the site/) });
  });
});

describe('migrate', () => {
  it('applies each step from the data’s version to the current one, in order', () => {
    const steps = { 1: (d: Record<string, unknown>) => ({ ...d, trail: [...(d.trail as number[]), 1] }), 2: (d: Record<string, unknown>) => ({ ...d, trail: [...(d.trail as number[]), 2] }) };
    expect(migrate({ trail: [] }, 1, steps, 3)).toEqual({ trail: [1, 2] });
    expect(migrate({ trail: [] }, 2, steps, 3)).toEqual({ trail: [2] });
    expect(migrate({ trail: [] }, 3, steps, 3)).toEqual({ trail: [] });
  });

  it('refuses data of a newer version, of no known version, or with a missing step', () => {
    expect(() => migrate({}, 4, {}, 3)).toThrow(NewerVersionError);
    expect(() => migrate({}, Number.NaN, {}, 3)).toThrow(/not one this site has written/);
    expect(() => migrate({}, 1, {}, 2)).toThrow(/no way to read data version 1/);
  });
});

describe('fromEntries and toEntries', () => {
  it('turn the stored keys into one object and back', () => {
    const data = { saved: [saved], watch: [{ words: 'llm', addedAt: 5 }], seen: ['a', 'b'], visits: { last: null, current: '2026-01-08' } };
    const entries = toEntries(data, SCHEMA_VERSION);
    expect(entries).toContainEqual(['seen:a', 1]);
    expect(fromEntries(entries)).toEqual(data);
  });
});

describe('mergeImport', () => {
  it('adds the file’s papers and watches to the reader’s, keeping what is there, newest saved first', () => {
    const mine = { saved: [{ ...saved, savedAt: 50, title: 'Mine' }], watch: [{ words: 'LLM', addedAt: 1 }] };
    const imported = JSON.parse(file({ saved: [saved, { ...saved, slug: 'b', savedAt: 60 }], watch: [{ words: 'llm', addedAt: 5 }, { topic: 'vision', addedAt: 6 }] }));
    const merged = mergeImport(mine, imported);
    expect(merged.saved.map((p) => [p.slug, p.title])).toEqual([['b', 'A Paper'], ['a-paper', 'Mine']]);
    expect(merged.watch).toEqual([{ words: 'LLM', addedAt: 1 }, { topic: 'vision', addedAt: 6 }]);
  });
});
