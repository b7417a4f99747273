/** The build step that writes the offline manifest and the service worker, run on a small built site. */
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OfflineFile, OfflineManifest } from '../../src/offline/manifest.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const buildOffline = (site: string) => promisify(execFile)(process.execPath, [join(root, 'scripts/build-offline.ts'), site], { cwd: root });

const page = (body: string) => `<!doctype html><html lang="en"><head><link rel="stylesheet" href="/_astro/Base.a1.css"></head><body>${body}</body></html>`;
const files: Record<string, string> = {
  'index.html': page('<a href="/papers/fresh/">Fresh</a>'),
  'search/index.html': page('<form></form>'),
  'offline/index.html': page('<button>Save for offline</button>'),
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  '_astro/Base.a1.css': 'body{margin:0}',
  'digests/index.html': page('<a href="/digests/2026-01-02/">Jan 2</a>'),
  'digests/2026-01-02/index.html': page('<a href="/papers/fresh/">Fresh</a>'),
  'papers/fresh/index.html': page('<h1>Fresh</h1>'),
  'papers/archived/index.html': page('<h1>Archived</h1>'),
  'pagefind/pagefind-entry.json': JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_h1', wasm: 'en', page_count: 2 } } }),
  'pagefind/pagefind.js': 'export const search = 1;',
  'pagefind/pagefind-worker.js': 'self.onmessage = () => {};',
  'pagefind/pagefind.en_h1.pf_meta': 'meta',
  'pagefind/wasm.en.pagefind': 'wasm',
  'pagefind/index/en_2.pf_index': 'index chunk',
  'pagefind/fragment/en_3.pf_fragment': 'fragment',
  'pagefind/filter/en_4.pf_filter': 'filter',
};

let site: string;
let manifest: OfflineManifest;
let worker: string;
let output: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  writeFileSync(join(site, path), text);
}

const read = () => {
  manifest = JSON.parse(readFileSync(join(site, 'offline-manifest.json'), 'utf8')) as OfflineManifest;
  worker = readFileSync(join(site, 'sw.js'), 'utf8');
};

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'offline-build-'));
  for (const [path, text] of Object.entries(files)) write(path, text);
  output = (await buildOffline(site)).stdout;
  read();
});

describe('scripts/build-offline.ts', () => {
  it('records the true size and SHA-256 of every offline file', () => {
    const all: OfflineFile[] = [...manifest.shell, ...manifest.index, ...manifest.recent.files];
    expect(all.length).toBeGreaterThan(10);
    for (const file of all) {
      const path = join(site, file.path === '' || file.path.endsWith('/') ? `${file.path}index.html` : file.path);
      expect(file.bytes, file.path).toBe(statSync(path).size);
      expect(file.hash, file.path).toBe(createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16));
    }
  });

  it('saves the digest days and the papers they list, not the others', () => {
    expect(manifest.recent.days).toEqual(['2026-01-02']);
    expect(manifest.recent.files.map((f) => f.path)).toEqual(['digests/', 'digests/2026-01-02/', 'papers/fresh/']);
  });

  it('writes a bundled worker that carries the build id and shell', () => {
    const [first, ...rest] = worker.split('\n');
    expect(first).toMatch(/^const OFFLINE_BUILD=\{.*\};$/);
    expect(JSON.parse(first!.slice('const OFFLINE_BUILD='.length, -1))).toEqual({ id: manifest.buildId, shell: manifest.shell });
    const code = rest.join('\n');
    expect(code).toContain('"fetch"');
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(output).toContain(`offline: build ${manifest.buildId}`);
  });

  it('keeps the build id while offline files stay the same, and changes it when one changes', async () => {
    const first = manifest.buildId;
    write('papers/archived/index.html', page('<h1>Archived, edited</h1>'));
    await buildOffline(site);
    read();
    expect(manifest.buildId).toBe(first);
    write('papers/fresh/index.html', page('<h1>Fresh, edited</h1>'));
    await buildOffline(site);
    read();
    expect(manifest.buildId).not.toBe(first);
    expect(worker).toContain(manifest.buildId);
  });
});
