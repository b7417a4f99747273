/**
 * The content loader for `content/papers/*.md`. Astro's glob() loader would push every
 * body through the Markdown pipeline, but a paper's body is untrusted raw text shown
 * escaped (render-text.ts), and at tens of thousands of papers that rendering is pure
 * cost. This loader reads frontmatter with the same reader ingest uses, keeps the body
 * raw, and skips files whose digest has not changed since the last build.
 *
 * A file a maintainer broke by hand stops the build with one message listing every such
 * file, each with every field that is wrong, and no stack trace: the problem is in the
 * content, not in the code.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { forEachConcurrently } from '../utils/concurrency.ts';
import { parsePaperFile, PaperFileError } from './file.ts';
import { brokenFileMessage, BrokenPaperFilesError } from './read.ts';

/** A paper file the build cannot use; its message names the file and what is wrong. */
class BrokenPaperFile extends Error {}

export function paperLoader(folder: string): Loader {
  return {
    name: 'paper-loader',
    async load(context: LoaderContext) {
      const dir = fileURLToPath(new URL(folder.replace(/\/?$/, '/'), context.config.root));
      const names = await readdir(dir).catch(() => [] as string[]);
      const ids = new Set<string>();
      const broken: string[] = [];
      await forEachConcurrently(names.filter((n) => n.endsWith('.md')), 32, async (name) => {
        try {
          ids.add(await syncFile(context, dir, name));
        } catch (error) {
          if (!(error instanceof BrokenPaperFile)) throw error;
          broken.push(error.message);
        }
      });
      if (broken.length > 0) throw new BrokenPaperFilesError(broken);
      for (const id of context.store.keys()) if (!ids.has(id)) context.store.delete(id);

      context.watcher?.add(dir);
      context.watcher?.on('all', async (event, path) => {
        if (!path.startsWith(dir) || !path.endsWith('.md')) return;
        const name = relative(dir, path);
        if (event === 'unlink') context.store.delete(name.slice(0, -3));
        else if (event === 'add' || event === 'change') {
          // In `astro dev` a broken edit is reported and the last good version kept.
          await syncFile(context, dir, name).catch((error: unknown) => {
            if (!(error instanceof BrokenPaperFile)) throw error;
            context.logger.error(error.message);
          });
        }
      });
    },
  };
}

/** Loads one paper; the file name without `.md` is its id and URL slug. */
async function syncFile({ store, generateDigest, config }: LoaderContext, dir: string, name: string): Promise<string> {
  const id = name.slice(0, -3);
  const path = join(dir, name);
  const filePath = relative(fileURLToPath(config.root), path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const problem = brokenFileMessage(error);
    if (problem === null) throw error;
    throw new BrokenPaperFile(`${filePath}: ${problem}`);
  }
  const digest = generateDigest(text);
  if (store.get(id)?.digest === digest) return id;
  // Checked here, with the collection's own schema (the one Astro's parseData would apply),
  // so that every wrong field of every file is named rather than only the first file's.
  let paper;
  try {
    paper = parsePaperFile(text);
  } catch (error) {
    if (!(error instanceof PaperFileError)) throw error;
    throw new BrokenPaperFile(`${filePath}: ${error.message}`);
  }
  store.set({ id, data: paper.fields, body: paper.body, digest, filePath });
  return id;
}
