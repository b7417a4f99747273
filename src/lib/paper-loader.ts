/**
 * The content loader for `content/papers/*.md`. Astro's glob() loader would push every
 * body through the Markdown pipeline, but a paper's body is untrusted raw text shown
 * escaped (render-text.ts), and at tens of thousands of papers that rendering is pure
 * cost. This loader reads frontmatter with the same reader ingest uses, keeps the body
 * raw, and skips files whose digest has not changed since the last build.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readFrontmatter } from './paper-file.ts';

export function paperLoader(folder: string): Loader {
  return {
    name: 'paper-loader',
    async load(context: LoaderContext) {
      const dir = fileURLToPath(new URL(folder.replace(/\/?$/, '/'), context.config.root));
      const names = await readdir(dir).catch(() => [] as string[]);
      const ids = new Set<string>();
      for (const name of names.filter((n) => n.endsWith('.md'))) {
        ids.add(await syncFile(context, dir, name));
      }
      for (const id of context.store.keys()) if (!ids.has(id)) context.store.delete(id);

      context.watcher?.add(dir);
      context.watcher?.on('all', async (event, path) => {
        if (!path.startsWith(dir) || !path.endsWith('.md')) return;
        const name = relative(dir, path);
        if (event === 'unlink') context.store.delete(name.slice(0, -3));
        else if (event === 'add' || event === 'change') await syncFile(context, dir, name);
      });
    },
  };
}

/** Loads one paper; the file name without `.md` is its id and URL slug. */
async function syncFile({ store, parseData, generateDigest, config }: LoaderContext, dir: string, name: string): Promise<string> {
  const id = name.slice(0, -3);
  const path = join(dir, name);
  const text = await readFile(path, 'utf8');
  const digest = generateDigest(text);
  if (store.get(id)?.digest === digest) return id;
  const filePath = relative(fileURLToPath(config.root), path);
  let parsed;
  try {
    parsed = readFrontmatter(text);
  } catch (error) {
    throw new Error(`${filePath}: ${(error as Error).message}`);
  }
  const data = await parseData({ id, data: parsed.data, filePath });
  store.set({ id, data, body: parsed.body, digest, filePath });
  return id;
}
