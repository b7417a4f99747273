/**
 * Serves a built site from disk on 127.0.0.1 as a static host would: `index.html` for
 * folders, gzip for text when the browser accepts it, `404.html` when a file is missing.
 * Also serves an empty page at BLANK_PAGE, a same-origin place to call the search API from.
 * It meters what it sends, so a probe can tell what a page or a search downloaded, whoever
 * asked for it (page, module or web worker) and whatever the browser caches.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { lookup } from 'mrmime';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export const BLANK_PAGE = '/__bench__/blank.html';

/** The Content-Type a static host sends for a file. */
function contentType(path: string): string {
  const type = lookup(path) ?? 'application/octet-stream';
  return /^text\/|javascript|json|xml|svg/.test(type) ? `${type}; charset=utf-8` : type;
}
// Pagefind's index files (.pf_index, .pf_fragment, …) are already gzip-compressed.
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg', '.webmanifest']);

/** What was sent between `start()` and `stop()`. */
export interface Traffic {
  /** Response bodies as sent (compressed where the server compressed them). */
  bytes: number;
  requests: number;
  files: Array<{ path: string; bytes: number }>;
}

export interface StaticServer {
  origin: string;
  /** Starts a new measuring window. */
  start(): void;
  stop(): Traffic;
  /** Resolves once no response is pending and no request came for `quietMs`. */
  quiet(quietMs?: number, maxMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function serveFolder(root: string): Promise<StaticServer> {
  const gzipped = new Map<string, Buffer>();
  let traffic: Traffic = { bytes: 0, requests: 0, files: [] };
  let pending = 0;
  let lastActivity = performance.now();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const { status, headers, body } = respond(root, path, acceptsGzip, gzipped);
    pending++;
    lastActivity = performance.now();
    response.on('close', () => {
      pending--;
      lastActivity = performance.now();
      traffic.bytes += body.length;
      traffic.requests++;
      traffic.files.push({ path, bytes: body.length });
    });
    response.writeHead(status, { ...headers, 'content-length': String(body.length) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    start: () => {
      traffic = { bytes: 0, requests: 0, files: [] };
    },
    stop: () => traffic,
    quiet: async (quietMs = 300, maxMs = 10_000) => {
      const until = performance.now() + maxMs;
      while (performance.now() < until && (pending > 0 || performance.now() - lastActivity < quietMs)) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

interface Response {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function respond(root: string, path: string, acceptsGzip: boolean, gzipped: Map<string, Buffer>): Response {
  if (path === BLANK_PAGE) return { status: 200, headers: { 'content-type': contentType('x.html') }, body: Buffer.from('<!doctype html><title>blank</title>') };
  let file = join(root, normalize(path));
  if (!file.startsWith(root)) return { status: 403, headers: {}, body: Buffer.alloc(0) };
  if (existsSync(file) && statSync(file).isDirectory()) {
    if (!path.endsWith('/')) return { status: 301, headers: { location: `${path}/` }, body: Buffer.alloc(0) };
    file = join(file, 'index.html');
  }
  let status = 200;
  if (!existsSync(file)) {
    status = 404;
    file = join(root, '404.html');
    if (!existsSync(file)) return { status, headers: {}, body: Buffer.from('not found') };
  }
  const ext = extname(file);
  const headers: Record<string, string> = { 'content-type': contentType(file), 'cache-control': 'max-age=3600' };
  if (!COMPRESSIBLE.has(ext) || !acceptsGzip) return { status, headers, body: readFileSync(file) };
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file)));
  return { status, headers: { ...headers, 'content-encoding': 'gzip' }, body: gzipped.get(file)! };
}
