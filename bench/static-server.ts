/**
 * Serves a built site from disk on 127.0.0.1 as a static host would: `index.html` for
 * folders, gzip for text when the browser accepts it, `404.html` when a file is missing.
 * Also serves an empty page at BLANK_PAGE, a same-origin place to call the search API from.
 * It meters what it sends, so a probe can tell what a page or a search downloaded, whoever
 * asked for it (page, module or web worker) and whatever the browser caches.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
// The host rules (types, index.html, 404.html) are the tests' server's: the benchmark may use test helpers, never the reverse.
import { contentType, resolveFile } from '../src/utils/static-server.ts';

export const BLANK_PAGE = '/__bench__/blank.html';

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
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    let sent = 0;
    pending++;
    lastActivity = performance.now();
    response.on('close', () => {
      pending--;
      lastActivity = performance.now();
      traffic.bytes += sent;
      traffic.requests++;
      traffic.files.push({ path, bytes: sent });
    });
    const { status, headers, body } = await respond(root, path, acceptsGzip, gzipped);
    sent = body.length;
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

async function respond(root: string, path: string, acceptsGzip: boolean, gzipped: Map<string, Buffer>): Promise<Response> {
  if (path === BLANK_PAGE) return { status: 200, headers: { 'content-type': contentType('x.html') }, body: Buffer.from('<!doctype html><title>blank</title>') };
  const requested = join(root, normalize(path));
  if (!requested.startsWith(root)) return { status: 403, headers: {}, body: Buffer.alloc(0) };
  if (!path.endsWith('/') && (await stat(requested).catch(() => null))?.isDirectory()) return { status: 301, headers: { location: `${path}/` }, body: Buffer.alloc(0) };
  let status = 200;
  let file = await resolveFile(requested);
  if (!file) {
    status = 404;
    file = await resolveFile(join(root, '404.html'));
    if (!file) return { status, headers: {}, body: Buffer.from('not found') };
  }
  const ext = extname(file);
  const headers: Record<string, string> = { 'content-type': contentType(file), 'cache-control': 'max-age=3600' };
  if (!COMPRESSIBLE.has(ext) || !acceptsGzip) return { status, headers, body: readFileSync(file) };
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file)));
  return { status, headers: { ...headers, 'content-encoding': 'gzip' }, body: gzipped.get(file)! };
}
