/**
 * A scratch copy of the project for one benchmark size: the working tree as it is now
 * (so the benchmark measures uncommitted work too), without its content and build output.
 */
import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Paths (relative to the project) never copied: output, caches, content to be generated. */
const EXCLUDED = new Set(['.git', 'node_modules', 'dist', '.astro', '.scratch', '.bench', 'content/papers', 'content/listings', 'content/papers.lock']);

export function createScratchProject(projectRoot: string, target: string): void {
  cpSync(projectRoot, target, {
    recursive: true,
    filter: (source) => !EXCLUDED.has(relative(projectRoot, source)),
  });
  mkdirSync(join(target, 'content/listings'), { recursive: true });
  linkNodeModules(join(projectRoot, 'node_modules'), join(target, 'node_modules'));
}

/**
 * A real `node_modules` folder whose packages link to the project's. Its dot-folders are
 * build caches (`.astro` data store, `.vite`, `.cache` with drawn images…): they are not
 * linked, so the first build in the scratch copy starts cold as on a fresh clone, the
 * rebuild finds only what the first build cached, and nothing is written to the project.
 */
export function linkNodeModules(source: string, target: string): void {
  mkdirSync(target);
  for (const entry of readdirSync(source)) {
    if (entry.startsWith('.') && entry !== '.bin') continue;
    symlinkSync(join(source, entry), join(target, entry));
  }
}
