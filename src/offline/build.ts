/**
 * The last build step, after `astro build` and the search index: writes the offline manifest
 * (`offline-manifest.json`: what the service worker keeps and what "save for offline" fetches,
 * with sizes and content hashes) and the service worker (`sw.js`, bundled from
 * service-worker.ts and stamped with the build id and shell) into the built site.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { SEARCH_ENTRY, type PagefindEntry } from '../search/entry.ts';
import { contentHash } from './content-hash.ts';
import { KeptHashes } from './kept-hashes.ts';
import { formatBytes } from './format-bytes.ts';
import { buildManifest, linkedPaperSlugs, MANIFEST_PATH, saveSet, selectOfflineFiles, totalBytes } from './manifest.ts';

/** How the step runs. */
export interface OfflineOptions {
  /** Where files' content hashes are kept from one build to the next (kept-hashes.ts); none when unset. */
  hashesFile?: string | undefined;
  /**
   * Resolves once the pages are in place, when the step starts before they are: the search index,
   * complete when the step starts, is listed and described meanwhile, and the worker bundled, so
   * that after the pages only they are left (at 30,000 papers, 0.2 s of the step's 0.7).
   */
  pagesBuilt?: Promise<void> | undefined;
  /** Called when what does not depend on the pages is done. */
  onIndexDescribed?: (() => void) | undefined;
}

/** Writes `sw.js` and the manifest into the site folder; returns a summary for the build log. */
export async function buildOffline(site: string, { hashesFile, pagesBuilt, onIndexDescribed }: OfflineOptions = {}): Promise<string> {
  const hashes = hashesFile === undefined ? KeptHashes.none() : await KeptHashes.read(hashesFile);
  const worker = bundleWorker();
  const index = filesUnder(site, INDEX_FOLDER);
  const indexFacts = new Map(await Promise.all(index.map(async (file) => [file, await hashes.facts(join(site, file), file)] as const)));
  const entry = JSON.parse(readFileSync(join(site, SEARCH_ENTRY), 'utf8')) as PagefindEntry;
  await worker;
  onIndexDescribed?.();
  await pagesBuilt;
  const files = [...index, ...filesOutside(site, APART)];
  const selection = selectOfflineFiles(
    files,
    entry,
    (page) => linkedPaperSlugs(readFileSync(join(site, page), 'utf8')),
    (page) => statSync(join(site, page), { throwIfNoEntry: false })?.isFile() ?? false,
  );
  const code = await worker;
  const manifest = await buildManifest(
    selection,
    async (file) => indexFacts.get(file) ?? hashes.facts(join(site, file), file),
    await contentHash(new TextEncoder().encode(code)),
  );
  // The worker carries its build id and shell; the full lists stay in the manifest, which only
  // readers who save the site for offline download.
  const script = `const OFFLINE_BUILD=${JSON.stringify({ id: manifest.buildId, shell: manifest.shell })};\n${code}`;
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

/** The search index's folder, complete before the pages are. */
const INDEX_FOLDER = 'pagefind';

/**
 * The folders not listed with the pages: the search index's, listed apart, and the paper pages'
 * (a folder each, 30,000 at 30,000 papers), of which the manifest names only those the latest
 * digests link to, looked up one by one. Listing the paper pages took 0.35 of the 0.48 s the
 * whole site's listing took, at the end of every build.
 */
const APART = new Set([INDEX_FOLDER, 'papers']);

/** Every file under a folder of the site, relative to the site, with `/` separators. */
function filesUnder(site: string, folder: string): string[] {
  // Each file's path from its folder's, by slicing: relative() per file made listing 65,000 files 0.74 s instead of 0.59.
  const root = resolve(site);
  const under = (parent: string) => `${parent.slice(root.length + 1).split(sep).join('/')}/`;
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => under(e.parentPath) + e.name);
}

/** Every file of the site outside the top-level folders `apart`. */
function filesOutside(site: string, apart: ReadonlySet<string>): string[] {
  return readdirSync(site, { withFileTypes: true }).flatMap((top) => {
    if (top.isDirectory()) return apart.has(top.name) ? [] : filesUnder(site, top.name);
    return top.isFile() ? [top.name] : [];
  });
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
