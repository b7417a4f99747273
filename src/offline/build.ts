/**
 * The last build step, after `astro build` and the search index: writes the offline manifest
 * (`offline-manifest.json`: what the service worker keeps and what "save for offline" fetches,
 * with sizes and content hashes) and the service worker (`sw.js`, bundled from
 * service-worker.ts and stamped with the build id and shell) into the built site.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { SEARCH_ENTRY, type PagefindEntry } from '../search/entry.ts';
import { contentHash } from './content-hash.ts';
import { KeptHashes } from './kept-hashes.ts';
import { formatBytes } from './format-bytes.ts';
import { buildManifest, linkedPaperSlugs, MANIFEST_PATH, saveSet, selectOfflineFiles, totalBytes } from './manifest.ts';

/**
 * Writes `sw.js` and the manifest into the site folder; returns a summary for the build log.
 * @param hashesFile where files' content hashes are kept from one build to the next (kept-hashes.ts); none when unset
 */
export async function buildOffline(site: string, hashesFile?: string): Promise<string> {
  const hashes = hashesFile === undefined ? KeptHashes.none() : await KeptHashes.read(hashesFile);
  const files = listFiles(site, UNLISTED);
  const entry = JSON.parse(readFileSync(join(site, SEARCH_ENTRY), 'utf8')) as PagefindEntry;
  const selection = selectOfflineFiles(
    files,
    entry,
    (page) => linkedPaperSlugs(readFileSync(join(site, page), 'utf8')),
    (page) => statSync(join(site, page), { throwIfNoEntry: false })?.isFile() ?? false,
  );
  const worker = await bundleWorker();
  const manifest = await buildManifest(
    selection,
    (file) => hashes.facts(join(site, file), file),
    await contentHash(new TextEncoder().encode(worker)),
  );
  // The worker carries its build id and shell; the full lists stay in the manifest, which only
  // readers who save the site for offline download.
  const script = `const OFFLINE_BUILD=${JSON.stringify({ id: manifest.buildId, shell: manifest.shell })};\n${worker}`;
  // Rewritten only when they change, so an unchanged build leaves them (and hosts' caches) as they are.
  writeIfChanged(join(site, MANIFEST_PATH), JSON.stringify(manifest));
  writeIfChanged(join(site, 'sw.js'), script);
  if (hashesFile !== undefined) await hashes.write(hashesFile);

  return [
    `offline: build ${manifest.buildId}; sw.js ${formatBytes(Buffer.byteLength(script))}, manifest ${formatBytes(statSync(join(site, MANIFEST_PATH)).size)}`,
    `  kept on first visit: ${formatBytes(totalBytes(manifest.shell))} (${manifest.shell.length} files)`,
    `  save for offline: ${formatBytes(totalBytes(saveSet(manifest)))}: search index ${formatBytes(totalBytes(manifest.index))},` +
      ` ${manifest.recent.days.length} digest days with ${manifest.recent.papers} papers ${formatBytes(totalBytes(manifest.recent.files))}`,
  ].join('\n');
}

function writeIfChanged(path: string, text: string): void {
  let old: string | null = null;
  try {
    old = readFileSync(path, 'utf8');
  } catch {}
  if (old !== text) writeFileSync(path, text);
}

/**
 * The folder not listed: of the paper pages (a folder each, 30,000 at 30,000 papers) the manifest
 * names only those the latest digests link to, which are looked up one by one. Listing them took
 * 0.35 of the 0.48 s the whole site's listing took, at the end of every build.
 */
const UNLISTED = 'papers';

/**
 * Every file under the site folder but those under `unlisted`, relative to it, with `/` separators.
 * A folder at a time: Node's recursive listing looks up every file that is not a folder once more
 * (0.13 s for the search index's 31,000 files at 30,000 papers), its file type from the listing is enough.
 */
function listFiles(dir: string, unlisted: string): string[] {
  const files: string[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!(prefix === '' && entry.name === unlisted)) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      } else if (entry.isFile()) files.push(prefix + entry.name);
    }
  };
  walk(resolve(dir), '');
  return files;
}

async function bundleWorker(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./service-worker.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}
