/**
 * The JavaScript a built page loads before anyone clicks: its `<script src>` files and every
 * module they import statically, each once (dynamic `import()`s load later, on demand).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageScripts {
  /** Site-relative paths of every script file loaded, entry scripts first. */
  files: string[];
  /** Their sizes gzip-compressed (each file on its own, as a host serves them). */
  gzipBytes: number;
  /** `<script>` tags that block parsing: classic, with a `src`, without `async` or `defer`. */
  blocking: string[];
}

/**
 * @param dir the built site
 * @param page the page's file, relative to `dir` (`papers/x/index.html`)
 * @param basePath the base path the site was built for (`/paper-digest/`)
 */
export function pageScripts(dir: string, page: string, basePath: string): PageScripts {
  const html = readFileSync(join(dir, page), 'utf8');
  const tags = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
  const src = (tag: string) => /\ssrc="([^"]+)"/.exec(tag)?.[1];
  const blocking = tags.filter((tag) => src(tag) && !/type="module"|\basync\b|\bdefer\b/.test(tag)).map((tag) => src(tag)!);
  const files: string[] = [];
  const visit = (path: string) => {
    if (files.includes(path)) return;
    files.push(path);
    const code = readFileSync(join(dir, path), 'utf8');
    // Static imports only: `import{a}from"./x.js"` and bare `import"./x.js"`.
    for (const m of code.matchAll(/\bimport\s*(?:[\w{}\s,*$]+from\s*)?["']([^"']+)["']/g)) {
      visit(join(path, '..', m[1]!).replaceAll('\\', '/'));
    }
  };
  for (const tag of tags) {
    const url = src(tag);
    if (url?.startsWith(basePath)) visit(url.slice(basePath.length));
  }
  const gzipBytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f))).byteLength, 0);
  return { files, gzipBytes, blocking };
}
