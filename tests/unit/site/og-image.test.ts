import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { env } from '../../../src/config.ts';
import { ogImage } from '../../../src/site/og-image.ts';

const card = { title: 'Diffusion-Link: Diffusion Probabilistic Model', topics: ['Audio and speech'], date: 'Published Oct 13, 2025', siteName: 'Paper Digest' };
const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('link-preview images', () => {
  it('are 1200×630 PNGs', async () => {
    const png = await ogImage(card, mkdtempSync(join(tmpdir(), 'og-')));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(pngSize(png)).toEqual([1200, 630]);
  });

  it('are drawn once per distinct card and then served from the cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-'));
    const first = await ogImage(card, dir);
    const [file] = readdirSync(dir);
    const before = statSync(join(dir, file!)).mtimeMs;
    expect(await ogImage(card, dir)).toEqual(first);
    expect(statSync(join(dir, file!)).mtimeMs).toBe(before);
    await ogImage({ ...card, topics: ['Vision'] }, dir);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  // The build without them is checked in tests/integration/site-build.test.ts.
  it('can be switched off for huge sites', () => {
    expect(env.ogImages({})).toBe(true);
    expect(env.ogImages({ OG_IMAGES: 'off' })).toBe(false);
  });
});
