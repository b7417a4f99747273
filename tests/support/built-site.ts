/**
 * The real site, built once for every test that needs it: `astro build`, the search index (scripts/build-search.ts)
 * and the offline step, as `npm run build` does (minus ingest, which the build tests cover
 * and which would write to content/papers).
 *
 * Vitest runs test files in separate workers, so "once" is arranged across processes:
 * the build goes into a cache folder named by a hash of everything it reads (sources,
 * content, config, lockfile, build settings), under a file lock. The first worker builds;
 * the others wait and reuse it, and so does the next run when nothing changed. Any edit
 * to an input changes the hash, so a test never sees a stale build.
 *
 * The folder is inside the project on purpose: for an outDir outside the working
 * directory, Astro puts its prerender chunks in the shared `.astro/.prerender/`, where
 * two concurrent builds delete each other's files.
 *
 * It is built under a sub-path on a foreign origin, so links that forget the base path
 * or point at the wrong host break here rather than on a real host.
 */
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import lockfile from 'proper-lockfile';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface BuiltSite {
  /** The built site, like `dist/`. */
  dir: string;
  /** The base path it was built for, with slashes at both ends. */
  basePath: string;
  /** The configured site origin (SITE_URL). */
  siteOrigin: string;
}

const CACHE = join(root, 'node_modules/.cache/paper-digest');
const BUILD_ENV = { BASE_PATH: '/paper-digest/', SITE_URL: 'https://digest.example.org' };
const INPUTS = ['src', 'content', 'public', 'scripts/build-offline.ts', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json', 'scripts/build-search.ts'];
// Old builds are removed once nothing can still be using them.
const KEEP_OLD_BUILDS_MS = 30 * 60 * 1000;
// Waiting for another worker's build: as long as it takes (the test tier's hook guard in
// vitest.config.ts is the limit), checking the lock every 200–500 ms.
const WAIT_FOR_LOCK = { forever: true, minTimeout: 200, maxTimeout: 500 };

let site: Promise<BuiltSite> | undefined;

export function builtSite(): Promise<BuiltSite> {
  site ??= buildOnce();
  return site;
}

async function buildOnce(): Promise<BuiltSite> {
  const folder = join(CACHE, `site-${inputHash()}`);
  const result: BuiltSite = { dir: join(folder, 'dist'), basePath: BUILD_ENV.BASE_PATH, siteOrigin: BUILD_ENV.SITE_URL };
  const done = join(folder, 'complete');
  if (existsSync(done)) return reused(folder, result);
  mkdirSync(folder, { recursive: true });
  const release = await lockfile.lock(folder, { stale: 120_000, retries: WAIT_FOR_LOCK });
  try {
    if (existsSync(done)) return reused(folder, result);
    const partial = join(folder, 'dist-partial');
    rmSync(partial, { recursive: true, force: true });
    await buildSiteInto(partial);
    rmSync(result.dir, { recursive: true, force: true });
    renameSync(partial, result.dir);
    writeFileSync(done, new Date().toISOString());
    removeOldBuilds(folder);
    return result;
  } finally {
    await release();
  }
}

/** Marks the build as in use, so another run does not clear it away as old. */
function reused(folder: string, result: BuiltSite): BuiltSite {
  const now = new Date();
  utimesSync(folder, now, now);
  return result;
}

/**
 * The build `npm run build` makes (minus ingest), with these tests' settings, into a folder:
 * `astro build`, the search index (scripts/build-search.ts), then the offline manifest and service worker.
 * @param env added to the build's environment (e.g. PAPERS_DIR for a scratch collection)
 * @returns the folder as a built site, for the browser fixture (`useSite`) to serve
 */
export async function buildSiteInto(outDir: string, env: Record<string, string> = {}): Promise<BuiltSite> {
  await withBuildFolder(outDir, async (dir) => {
    await run([join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dir], env);
    await run([join(root, 'scripts/build-search.ts'), dir], env);
    await run([join(root, 'scripts/build-offline.ts'), dir], env);
  });
  return { dir: outDir, basePath: BUILD_ENV.BASE_PATH, siteOrigin: BUILD_ENV.SITE_URL };
}

/**
 * `astro build` alone, with this project's default settings (site at the root), for tests
 * that check what the build says (errors included) rather than browse the result.
 */
export async function astroBuild(outDir: string, env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  let result = { code: 0, output: '' };
  await withBuildFolder(outDir, async (dir) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dir], { cwd: root, env: { ...buildEnvironment(), ...env }, maxBuffer: 64 << 20 });
      result = { code: 0, output: stdout + stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      result = { code: e.code, output: e.stdout + e.stderr };
    }
  });
  return result;
}

/**
 * A build script as the maintainer runs it, into `outDir`, under the same lock as every test
 * build: `scripts/build.ts` is `npm run build` (ingest, then the site; `args` are listing folders
 * or files for ingest), `scripts/build-site.ts` the site alone. `env` is added (PAPERS_DIR points
 * ingest and the site at a scratch collection). Never rejects: the exit code and all output.
 */
export async function buildScript(script: 'scripts/build.ts' | 'scripts/build-site.ts', outDir: string, args: string[] = [], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; output: string }> {
  let result: { code: number | null; stdout: string; output: string } = { code: null, stdout: '', output: '' };
  await withBuildFolder(outDir, async (dir) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(root, script), '--out-dir', dir, ...args], { cwd: root, env: { ...buildEnvironment(), ...env }, maxBuffer: 64 << 20 });
      result = { code: 0, stdout, output: stdout + stderr };
    } catch (error) {
      const e = error as { code: number | null; stdout: string; stderr: string };
      result = { code: typeof e.code === 'number' ? e.code : null, stdout: e.stdout, output: e.stdout + e.stderr };
    }
  });
  return result;
}

/**
 * Runs a build into a private folder inside the project, one build at a time across all
 * test workers: concurrent builds share Astro's content store and prerender folder and
 * break each other. Outside the project, Astro would also share `.astro/.prerender/`.
 */
async function withBuildFolder(outDir: string, build: (dir: string) => Promise<void>): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  const release = await lockfile.lock(CACHE, { lockfilePath: join(CACHE, 'build.lock'), stale: 120_000, retries: WAIT_FOR_LOCK });
  const inside = resolve(outDir).startsWith(root);
  const dir = inside ? outDir : mkdtempSync(join(CACHE, 'build-'));
  try {
    await build(dir);
    if (!inside) cpSync(dir, outDir, { recursive: true });
  } finally {
    if (!inside) rmSync(dir, { recursive: true, force: true });
    await release();
  }
}

function run(args: string[], env: Record<string, string> = {}): Promise<unknown> {
  return promisify(execFile)(process.execPath, args, { cwd: root, env: { ...buildEnvironment(), ...BUILD_ENV, ...env }, maxBuffer: 64 << 20 });
}

/**
 * The environment a maintainer's shell would give the build. Vitest puts Vite's mode
 * variables in process.env (NODE_ENV=test, DEV=1, BASE_URL=/ …); a build that inherits
 * them ignores BASE_PATH (every link loses the base) and is not a production build.
 */
function buildEnvironment(): NodeJS.ProcessEnv {
  const leaked = new Set(['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST', 'FORCE_TTY']);
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !leaked.has(name) && !name.startsWith('VITEST')));
}

/** A digest of every file the build reads, and of the build settings. */
function inputHash(): string {
  const hash = createHash('sha256').update(JSON.stringify(BUILD_ENV));
  const visit = (path: string): void => {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) return;
    if (info.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!name.endsWith('.lock')) visit(join(path, name));
    } else {
      hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  for (const input of INPUTS) visit(join(root, input));
  return hash.digest('hex').slice(0, 16);
}

function removeOldBuilds(keep: string): void {
  for (const name of readdirSync(CACHE)) {
    const path = join(CACHE, name);
    if (!/^(site-[0-9a-f]+|build-\w+)$/.test(name) || path === keep) continue;
    const info = statSync(path, { throwIfNoEntry: false });
    if (info && Date.now() - info.mtimeMs > KEEP_OLD_BUILDS_MS) rmSync(path, { recursive: true, force: true });
  }
}
