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
 * What the step can work out before the pages are built: the search index's files and their
 * facts (the index is in place in the site folder before `astro build` ends, and nothing changes
 * it afterwards), and the service worker's code. scripts/build-site.ts works it out while
 * `astro build` renders the pages: describing the index's 31,000 files at 30,000 papers took
 * 0.2 of the step's 0.6 s, which came after `astro build`.
 */
export interface OfflineAhead {
  hashes: KeptHashes;
  /** The search index's files, relative to the site folder, with their sizes and hashes. */
  index: Map<string, { bytes: number; hash: string }>;
  worker: string;
}

/** @param hashesFile where files' content hashes are kept from one build to the next (kept-hashes.ts); none when unset */
export async function offlineAhead(site: string, hashesFile?: string): Promise<OfflineAhead> {
  const hashes = hashesFile === undefined ? KeptHashes.none() : await KeptHashes.read(hashesFile);
  const index = new Map<string, { bytes: number; hash: string }>();
  for (const file of listFiles(join(site, SEARCH_DIR), [], `${SEARCH_DIR}/`)) index.set(file, await hashes.facts(join(site, file), file));
  return { hashes, index, worker: await bundleWorker() };
}

/**
 * Writes `sw.js` and the manifest into the site folder; returns a summary for the build log.
 * @param hashesFile where files' content hashes are kept from one build to the next (kept-hashes.ts); none when unset
 * @param ahead what offlineAhead() worked out once the search index was in place, if it was
 */
export async function buildOffline(site: string, hashesFile?: string, ahead?: OfflineAhead): Promise<string> {
  const { hashes, index, worker } = ahead ?? (await offlineAhead(site, hashesFile));
  const files = [...listFiles(site, [UNLISTED, SEARCH_DIR]), ...index.keys()];
  const entry = JSON.parse(readFileSync(join(site, SEARCH_ENTRY), 'utf8')) as PagefindEntry;
  const selection = selectOfflineFiles(
    files,
    entry,
    (page) => linkedPaperSlugs(readFileSync(join(site, page), 'utf8')),
    (page) => statSync(join(site, page), { throwIfNoEntry: false })?.isFile() ?? false,
  );
  const manifest = await buildManifest(
    selection,
    async (file) => index.get(file) ?? hashes.facts(join(site, file), file),
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
/** The search index's folder, described ahead (offlineAhead). */
const SEARCH_DIR = SEARCH_ENTRY.slice(0, SEARCH_ENTRY.indexOf('/'));

/**
 * Every file under `dir` but those under the top-level folders `unlisted`, relative to it (after
 * `prefix`), with `/` separators. A folder at a time: Node's recursive listing looks up every
 * file that is not a folder once more (0.13 s for the search index's 31,000 files at 30,000
 * papers), its file type from the listing is enough.
 */
function listFiles(dir: string, unlisted: string[], prefix = ''): string[] {
  const files: string[] = [];
  const walk = (folder: string, under: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!(under === prefix && unlisted.includes(entry.name))) walk(join(folder, entry.name), `${under}${entry.name}/`);
      } else if (entry.isFile()) files.push(under + entry.name);
    }
  };
  walk(resolve(dir), prefix);
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
