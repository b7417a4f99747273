/** Reading which result id Pagefind gave each page, from a real index written by its Node API. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { pagefindIdsByUrl } from '../../../src/search/pagefind-ids.ts';

const dir = mkdtempSync(join(tmpdir(), 'pagefind-ids-'));
afterAll(async () => {
  await pagefind.close();
  rmSync(dir, { recursive: true, force: true });
});

const records = ['alpha', 'beta', 'gamma', 'delta'].map((word) => ({
  url: `papers/${word}/`,
  content: `A paper about ${word} and other things.`,
  language: 'en',
  meta: { title: word },
}));

async function bundle(name: string, options: { maxFragments?: number }): Promise<string> {
  const { index } = await pagefind.createIndex({ forceLanguage: 'en', ...options });
  for (const record of records) expect((await index!.addCustomRecord(record)).errors).toEqual([]);
  const out = join(dir, name);
  expect((await index!.writeFiles({ outputPath: out })).errors).toEqual([]);
  await index!.deleteIndex();
  return out;
}

describe('pagefindIdsByUrl', () => {
  it('maps every page to its fragment, one file per page', async () => {
    const out = await bundle('plain', {});
    const ids = await pagefindIdsByUrl(out);
    expect([...ids.keys()].sort()).toEqual(records.map((r) => r.url).sort());
    const files = readdirSync(join(out, 'fragment')).map((f) => f.replace(/\.pf_fragment$/, ''));
    expect([...ids.values()].sort()).toEqual(files.sort());
  });

  it('maps every page to its id when Pagefind bundles fragments into shared files', async () => {
    const out = await bundle('bundled', { maxFragments: 2 });
    expect(readdirSync(join(out, 'fragment')).length).toBeLessThan(records.length);
    const ids = await pagefindIdsByUrl(out);
    expect([...ids.keys()].sort()).toEqual(records.map((r) => r.url).sort());
    expect(new Set(ids.values()).size).toBe(records.length);
    for (const id of ids.values()) expect(id).toMatch(/^en_[0-9a-f]+$/);
  });
});
