/**
 * Folders under src/ are pipeline stages and imports flow one way (CONTRIBUTING.md): a module
 * may import from its own stage and from stages before it, never from a later one. The three
 * outputs (site, search, offline) are siblings; offline may read search's entry-file contract,
 * since the service worker serves the index search builds. The reader's layer (personal) sits
 * on top of them: it uses site's and offline's definitions, and none of them uses it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../../src', import.meta.url));
const RANK: Record<string, number> = { utils: 0, config: 0, fetch: 0.5, listing: 1, papers: 2, analysis: 3, site: 4, search: 4, offline: 4, personal: 5 };
const ALLOWED_SIBLINGS = new Set(['offline→search']);

function stageOf(file: string): string | null {
  const rel = relative(src, file).split(sep);
  if (rel.length === 1) return rel[0] === 'config.ts' ? 'config' : null;
  return rel[0]! in RANK ? rel[0]! : null;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => resolve(dirname(file), m[1]!));
}

const files = readdirSync(src, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.ts$/.test(e.name))
  .map((e) => join(e.parentPath, e.name))
  .filter((f) => stageOf(f) !== null);

describe('imports flow one way: fetch → listing → papers → analysis → site, search, offline → personal', () => {
  it('finds the stage modules', () => {
    expect(files.length).toBeGreaterThan(30);
  });
  it('no module imports from a later stage or a sibling output', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = stageOf(file)!;
      for (const target of importsOf(file)) {
        const to = stageOf(target);
        if (to === null || to === from) continue;
        const later = RANK[to]! > RANK[from]!;
        const sibling = RANK[to] === RANK[from] && from !== to && !ALLOWED_SIBLINGS.has(`${from}→${to}`);
        if (later || sibling) wrong.push(`${relative(src, file)} → ${relative(src, target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
