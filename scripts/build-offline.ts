/**
 * The last build step, after `astro build` and `pagefind`: writes the offline manifest
 * (`offline-manifest.json`: what the service worker keeps and what "save for offline"
 * fetches, with sizes and content hashes) and the service worker (`sw.js`, bundled from
 * src/offline/service-worker.ts and stamped with the build id and shell) into the built site.
 *
 * Usage: node scripts/build-offline.ts [site folder, default dist]
 */
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import { contentHash } from '../src/lib/offline/content-hash.ts';
import { formatBytes } from '../src/lib/offline/format-bytes.ts';
import { buildManifest, linkedPaperSlugs, MANIFEST_PATH, saveSet, selectOfflineFiles, totalBytes, type PagefindEntry } from '../src/lib/offline/manifest.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const site = resolve(process.argv[2] ?? 'dist');

const files = listFiles(site);
const entry = JSON.parse(readFileSync(join(site, 'pagefind/pagefind-entry.json'), 'utf8')) as PagefindEntry;
const selection = selectOfflineFiles(files, entry, (day) => linkedPaperSlugs(readFileSync(join(site, 'digests', day, 'index.html'), 'utf8')));
const worker = await bundleWorker();
const manifest = await buildManifest(
  selection,
  async (file) => {
    const bytes = readFileSync(join(site, file));
    return { bytes: bytes.byteLength, hash: await contentHash(bytes) };
  },
  await contentHash(new TextEncoder().encode(worker)),
);
// The worker carries its build id and shell; the full lists stay in the manifest, which only
// readers who save the site for offline download.
const script = `const OFFLINE_BUILD=${JSON.stringify({ id: manifest.buildId, shell: manifest.shell })};\n${worker}`;
writeFileSync(join(site, MANIFEST_PATH), JSON.stringify(manifest));
writeFileSync(join(site, 'sw.js'), script);

console.log(
  [
    `offline: build ${manifest.buildId}; sw.js ${formatBytes(Buffer.byteLength(script))}, manifest ${formatBytes(statSync(join(site, MANIFEST_PATH)).size)}`,
    `  kept on first visit: ${formatBytes(totalBytes(manifest.shell))} (${manifest.shell.length} files)`,
    `  save for offline: ${formatBytes(totalBytes(saveSet(manifest)))}: search index ${formatBytes(totalBytes(manifest.index))},` +
      ` ${manifest.recent.days.length} digest days with ${manifest.recent.papers} papers ${formatBytes(totalBytes(manifest.recent.files))}`,
  ].join('\n'),
);

/** Every file under the site folder, relative to it, with `/` separators. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

async function bundleWorker(): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'src/offline/service-worker.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}
