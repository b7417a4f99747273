/**
 * The content loader for `content/papers/*.md`. Astro's glob() loader would push every
 * body through the Markdown pipeline, but a paper's body is untrusted raw text shown
 * escaped (render-text.ts), and at tens of thousands of papers that rendering is pure
 * cost. This loader reads frontmatter with the same reader ingest uses, keeps the body
 * raw, and skips files whose size and modification time have not changed since the last build.
 *
 * A file a maintainer broke by hand stops the build with one message listing every such
 * file, each with every field that is wrong, and no stack trace: the problem is in the
 * content, not in the code.
 *
 * The store holds each paper's fields but not its body (the abstract and any notes), which
 * pages get from readPaperBodies: Astro writes its whole store into the server bundle as one
 * string, which Vite then scans with a WebAssembly lexer whose memory never shrinks. Bodies are
 * two thirds of the store (137 of 213 MB at 100,000 papers); left out, `astro build` at that
 * size peaks at 3.7 GB instead of 4.4 (docs/performance.md). Nor does it hold the file's path,
 * which is the folder and the entry's id: 13% of what is left, which every build serializes,
 * bundles and reads back.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { paperBody, parsePaperFile, PaperFileError } from './file.ts';
import { brokenFileMessage, BrokenPaperFilesError, keptPapers, textDigest } from './read.ts';
import { BUILD_CACHE } from '../config.ts';

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
      const toRead: Array<{ name: string; digest: string }> = [];
      for (const name of names.filter((n) => n.endsWith('.md'))) {
        try {
          const digest = fileDigest(context, dir, name);
          ids.add(name.slice(0, -3));
          if (context.store.get(name.slice(0, -3))?.digest !== digest) toRead.push({ name, digest });
        } catch (error) {
          if (!(error instanceof BrokenPaperFile)) throw error;
          broken.push(error.message);
        }
      }
      // Parsed already by the search step, which reads the folder before or beside `astro build`
      // (each kept paper is used only for the very text it was parsed from): worth reading when
      // many files are new to the store (a first build), not for a day's few (60 MB at 30,000 papers).
      const kept = toRead.length > names.length * READ_KEPT_FROM ? keptPapers(BUILD_CACHE.papers, dir) : undefined;
      // Synchronously, from the listing of the folder to the last entry stored: Astro writes its
      // whole store (1 s at 30,000 papers) half a second after the last change to it, so a load
      // that let the event loop run past that between its changes had the store written twice.
      for (const { name, digest } of toRead) {
        try {
          storeFile(context, dir, name, digest, kept);
        } catch (error) {
          if (!(error instanceof BrokenPaperFile)) throw error;
          broken.push(error.message);
        }
      }
      if (broken.length > 0) throw new BrokenPaperFilesError(broken);
      for (const id of context.store.keys()) if (!ids.has(id)) context.store.delete(id);

      context.watcher?.add(dir);
      context.watcher?.on('all', (event, path) => {
        if (!path.startsWith(dir) || !path.endsWith('.md')) return;
        const name = relative(dir, path);
        if (event === 'unlink') context.store.delete(name.slice(0, -3));
        else if (event === 'add' || event === 'change') {
          // In `astro dev` a broken edit is reported and the last good version kept.
          try {
            storeFile(context, dir, name, fileDigest(context, dir, name));
          } catch (error) {
            if (!(error instanceof BrokenPaperFile)) throw error;
            context.logger.error(error.message);
          }
        }
      });
    },
  };
}

/**
 * Part of every digest, so that a store kept from a build whose entries held more (their
 * bodies, their file paths) has every entry stored afresh once, rather than kept while its file
 * is unchanged.
 */
const STORE_FORMAT = 'fields without body or path, by size and mtime';

/**
 * The share of files new to the store past which the loader reads the kept papers rather than
 * parse each file: reading them all costs about what parsing a thirtieth of them does (0.3 s for
 * the 30,000 papers, a file's YAML 0.3 ms).
 */
const READ_KEPT_FROM = 1 / 30;

/**
 * A paper file's digest in the store: of its size and modification time, as the parse cache and
 * the ingest index judge a file. Reading and hashing every file made the content sync of a rebuild
 * at 30,000 papers 2.9 s instead of 1.7 s. Synchronously: with a promise per file the 30,000
 * lstat calls took 0.7 s of its profile, synchronously 0.2 s.
 */
function fileDigest({ generateDigest, config }: LoaderContext, dir: string, name: string): string {
  try {
    const { size, mtimeMs } = lstatSync(join(dir, name));
    return generateDigest(`${STORE_FORMAT}\n${size}\n${mtimeMs}`);
  } catch (error) {
    throw brokenFile(config, join(dir, name), error);
  }
}

/** A file error in words, naming the file; any other error is thrown as it is. */
function brokenFile(config: LoaderContext['config'], path: string, error: unknown): BrokenPaperFile {
  const problem = brokenFileMessage(error);
  if (problem === null) throw error;
  return new BrokenPaperFile(`${relative(fileURLToPath(config.root), path)}: ${problem}`);
}

/** Stores one paper under its digest; the file name without `.md` is its id and URL slug. */
function storeFile({ store, config }: LoaderContext, dir: string, name: string, digest: string, kept?: ReturnType<typeof keptPapers>): void {
  const id = name.slice(0, -3);
  const path = join(dir, name);
  const filePath = relative(fileURLToPath(config.root), path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw brokenFile(config, path, error);
  }
  const parsedBefore = kept?.(name, text);
  if (parsedBefore) {
    store.set({ id, data: parsedBefore.data, digest });
    return;
  }
  // Checked here, with the collection's own schema (the one Astro's parseData would apply),
  // so that every wrong field of every file is named rather than only the first file's.
  let paper;
  try {
    paper = parsePaperFile(text);
  } catch (error) {
    if (!(error instanceof PaperFileError)) throw error;
    throw new BrokenPaperFile(`${filePath}: ${error.message}`);
  }
  // A file whose body alone changed has a new mtime too: it is stored anew all the same.
  store.set({ id, data: paper.fields, digest });
}

/** What pages read of a paper file besides the store's fields: its body and a digest of its whole text. */
export interface PaperFileText {
  body: string;
  /** Of the file's text, as the parse cache names it (read.ts). */
  digest: string;
}

/**
 * The bodies the store leaves out, by entry id, read from the entries' files (`<id>.md` in the
 * papers folder, relative to the project root, the working directory of a build), each with the
 * digest of its file's text, which names the paper in the pages' cache keys (src/data/cache-key.ts).
 * Synchronously: 100,000 small reads take a fraction of what as many promises do. A file that
 * cannot be read any more stops the build with the loader's message.
 */
export function readPaperBodies(entries: Array<{ id: string }>, folder: string): Map<string, PaperFileText> {
  const files = new Map<string, PaperFileText>();
  const broken: string[] = [];
  for (const { id } of entries) {
    const path = join(folder, `${id}.md`);
    try {
      const text = readFileSync(resolve(path), 'utf8');
      files.set(id, { body: paperBody(text), digest: textDigest(text) });
    } catch (error) {
      const problem = brokenFileMessage(error);
      if (problem === null) throw error;
      broken.push(`${path}: ${problem}`);
    }
  }
  if (broken.length > 0) throw new BrokenPaperFilesError(broken);
  return files;
}
