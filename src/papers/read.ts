/**
 * The paper collection read straight from `content/papers/`, outside Astro, with the reader
 * and error format of the build's content loader (loader.ts), for steps that need the papers
 * but not the pages: the search index is built this way alongside `astro build`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mapConcurrently } from '../utils/concurrency.ts';
import { parsePaperFile, PaperFileError } from './file.ts';
import { describeFileError, errorCode } from '../utils/file-errors.ts';
import type { PaperData } from './schema.ts';
import { toPaperView, type PaperView } from './view.ts';

/** A paper file as read: the file name without `.md` is its id and URL slug. */
export interface StoredPaper {
  slug: string;
  data: PaperData;
  body: string;
}

/** Every paper in `dir`, in file-name order; throws naming every broken file if there is one. */
export async function readPaperFolder(dir: string): Promise<StoredPaper[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  const broken: string[] = [];
  const papers = await mapConcurrently(names, 32, async (name) => {
    try {
      const { fields: data, body } = parsePaperFile(await readFile(join(dir, name), 'utf8'));
      return { slug: name.slice(0, -3), data, body };
    } catch (error) {
      const problem = brokenFileMessage(error);
      if (problem === null) throw error;
      broken.push(`${join(dir, name)}: ${problem}`);
      return null;
    }
  });
  if (broken.length > 0) throw new BrokenPaperFilesError(broken);
  return papers.filter((p) => p !== null);
}

export async function readPaperViews(dir: string): Promise<PaperView[]> {
  return (await readPaperFolder(dir)).map(toPaperView);
}

/**
 * What is wrong with a paper file that cannot be used, or null for an error that is not about
 * the file (a bug): invalid content, or a file system refusal (a folder named `x.md`, no
 * permission to read it).
 */
export function brokenFileMessage(error: unknown): string | null {
  if (error instanceof PaperFileError) return error.message;
  if (errorCode(error) !== null) return `${describeFileError(error)}; make it a readable paper file or move it out of the folder`;
  return null;
}

/** Paper files a maintainer must fix: one message naming every one (`path: what is wrong`, one a line). */
export class BrokenPaperFilesError extends Error {
  constructor(problems: string[]) {
    super(`${problems.length} paper file(s) cannot be read. Fix them by hand (ingest leaves them untouched until then):\n${[...problems].sort().map((p) => `  ${p}`).join('\n')}`);
    // The message says where the problem is; a stack trace into the reader would bury it.
    this.stack = '';
  }
}
