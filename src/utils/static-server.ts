/**
 * Serves a built `dist/` on 127.0.0.1 the way a static host does: `dir/` → `dir/index.html`,
 * 404.html for misses, a base path prefix when the site is built under one. The benchmark's
 * metering server (bench/static-server.ts) answers with the same files and types from here.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join, normalize } from 'node:path';
import { lookup } from 'mrmime';

/** The Content-Type a static host sends for a file. */
export function contentType(path: string): string {
  const type = lookup(path) ?? 'application/octet-stream';
  return /^text\/|javascript|json|xml|svg/.test(type) ? `${type}; charset=utf-8` : type;
}

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

export async function serveStatic(root: string, basePath = '/'): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(basePath)) return notFound();
    path = `/${path.slice(basePath.length)}`;
    const file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) return notFound();
    const target = await resolveFile(file);
    if (!target) return notFound();
    res.writeHead(200, { 'Content-Type': contentType(target) });
    createReadStream(target).pipe(res);

    async function notFound() {
      res.writeHead(404, { 'Content-Type': contentType('x.html') });
      const page = await resolveFile(join(root, '404.html'));
      if (page) createReadStream(page).pipe(res);
      else res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The file a static host answers a path with: the file itself, or the folder's index.html; null if neither exists. */
export async function resolveFile(path: string): Promise<string | null> {
  for (const candidate of [path, join(path, 'index.html')]) {
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) return candidate;
  }
  return null;
}
