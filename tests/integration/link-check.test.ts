/**
 * Every internal link on every built page resolves: each href, src and form action that
 * stays on the site (relative, root-relative, or absolute on the configured origin), and
 * each link-preview image, must name a file of the build, and its #fragment an id on the
 * target page. The sitemap and feeds are checked the same way. Files only: no server, no network.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite } from '../support/built-site.ts';
import { elements } from '../support/html-dom.ts';

interface Site {
  dir: string;
  basePath: string;
  siteOrigin: string;
}

interface Report {
  pages: number;
  links: number;
  broken: string[];
}

const LINK_ATTRIBUTES = ['href', 'src', 'action', 'poster'];
// Link-preview tags whose content is an address on the site.
const LINK_METAS = ['og:url', 'og:image', 'twitter:image'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

/** The address a built file is served at. 404.html is served for any missing address, so it is read from a deep one. */
function addressOf(site: Site, file: string): URL {
  const path = relative(site.dir, file).split('\\').join('/');
  if (path === '404.html') return new URL(`${site.basePath}some/missing/page/`, site.siteOrigin);
  return new URL(`${site.basePath}${path.replace(/(^|\/)index\.html$/, '$1')}`, site.siteOrigin);
}

function checkLinks(site: Site): Report {
  const files = filesUnder(site.dir);
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let ids = idsCache.get(file);
    if (!ids) {
      ids = new Set(elements(readFileSync(file, 'utf8')).flatMap((el) => [el.attrs.id, el.tag === 'a' ? el.attrs.name : undefined].filter((v): v is string => !!v)));
      idsCache.set(file, ids);
    }
    return ids;
  };

  /** The built file an address is served from, or why there is none. */
  const target = (url: URL): { file: string } | { problem: string } => {
    if (!url.pathname.startsWith(site.basePath)) return { problem: `outside the base path ${site.basePath}` };
    const path = join(site.dir, decodeURIComponent(url.pathname.slice(site.basePath.length)));
    for (const candidate of url.pathname.endsWith('/') ? [join(path, 'index.html')] : [path, join(path, 'index.html')]) {
      if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return { file: candidate };
    }
    return { problem: 'no such file in the build' };
  };

  const report: Report = { pages: 0, links: 0, broken: [] };
  const check = (from: string, file: string, page: URL, raw: string) => {
    const link = raw.trim();
    if (link === '' || link === '#') return;
    if (link.startsWith('#')) {
      // Same document, wherever it is served.
      report.links++;
      if (!idsOf(file).has(decodeURIComponent(link.slice(1)))) report.broken.push(`${from}: ${raw} (no element with id "${link.slice(1)}")`);
      return;
    }
    let url: URL;
    try {
      url = new URL(link, page);
    } catch {
      report.broken.push(`${from}: ${raw} (not a URL)`);
      return;
    }
    if (url.origin !== site.siteOrigin) return;
    report.links++;
    const found = target(url);
    if ('problem' in found) return void report.broken.push(`${from}: ${raw} (${found.problem})`);
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && !(found.file.endsWith('.html') && idsOf(found.file).has(fragment))) report.broken.push(`${from}: ${raw} (no element with id "${fragment}")`);
  };

  for (const file of files) {
    const from = relative(site.dir, file);
    const page = addressOf(site, file);
    if (file.endsWith('.html')) {
      report.pages++;
      for (const el of elements(readFileSync(file, 'utf8'))) {
        for (const name of LINK_ATTRIBUTES) if (el.attrs[name] !== undefined && !(el.tag === 'form' && el.attrs[name] === '')) check(from, file, page, el.attrs[name]!);
        if (el.tag === 'meta' && LINK_METAS.includes(el.attrs.property ?? el.attrs.name ?? '')) check(from, file, page, el.attrs.content ?? '');
        if (el.attrs.srcset) for (const candidate of el.attrs.srcset.split(',')) check(from, file, page, candidate.trim().split(/\s+/)[0]!);
      }
    } else if (file.endsWith('.xml')) {
      // Sitemaps (<loc>) and feeds (<link>, <guid>) name absolute addresses.
      for (const [, address] of readFileSync(file, 'utf8').matchAll(/<(?:loc|link|guid[^>]*)>([^<]+)</g)) check(from, file, page, address!);
    }
  }
  return report;
}

describe('the link checker', () => {
  it('reports links to missing files, missing fragments, and paths outside the base', () => {
    const dir = mkdtempSync(join(tmpdir(), 'links-'));
    const write = (path: string, html: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), `<!doctype html><title>t</title>${html}`);
    };
    write('index.html', '<a href="a/">ok</a> <a href="a/#here">ok</a> <a href="/base/a/#there">missing id</a> <a href="missing/">missing</a> <a href="/a/">no base</a> <a href="https://other.org/x">external</a>');
    write('a/index.html', '<meta property="og:image" content="https://site.example/base/og/a.png"><h1 id="here">A</h1> <img src="../img.png" alt=""> <a href="https://site.example/base/">absolute on the site</a> <a href="https://site.example/base/gone/">gone</a>');
    write('404.html', '<main id="main"><a href="../index.html">relative from a 404</a> <a href="/base/">root-relative</a> <a href="#main">skip</a> <a href="#nav">no such id</a></main>');
    const report = checkLinks({ dir, basePath: '/base/', siteOrigin: 'https://site.example' });
    expect(report.broken.sort()).toEqual(
      [
        'index.html: /base/a/#there (no element with id "there")',
        'index.html: missing/ (no such file in the build)',
        'index.html: /a/ (outside the base path /base/)',
        'a/index.html: ../img.png (no such file in the build)',
        'a/index.html: https://site.example/base/og/a.png (no such file in the build)',
        'a/index.html: https://site.example/base/gone/ (no such file in the build)',
        '404.html: ../index.html (no such file in the build)',
        '404.html: #nav (no element with id "nav")',
      ].sort(),
    );
  });
});

describe('the built site', () => {
  // Built in a hook: a build that has to happen now takes longer than a test may.
  let site: Site;
  beforeAll(async () => {
    site = await builtSite();
  });

  it('has no broken internal link on any page, in the sitemap or in the feeds', () => {
    const report = checkLinks(site);
    expect(report.broken).toEqual([]);
    // Sanity: it really walked the site (a page per paper, links on every page).
    expect(report.pages).toBeGreaterThan(566);
    expect(report.links).toBeGreaterThan(report.pages * 5);
  });
});
