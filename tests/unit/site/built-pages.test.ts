/** The state of the built site's files before `astro build` (src/site/built-pages.ts), which the build compares after it. */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileStates } from '../../../src/site/built-pages.ts';

const dist = mkdtempSync(join(tmpdir(), 'built-pages-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('the files of a built site', () => {
  it('names every file with its inode and mtime, leaving out the files and folders other steps claim', () => {
    for (const file of ['index.html', 'papers/a/index.html', 'papers/b/index.html', 'sw.js', 'pagefind/pagefind-entry.json', 'pagefind/shards/0/x.pf_fragment']) {
      mkdirSync(join(dist, file, '..'), { recursive: true });
      writeFileSync(join(dist, file), file);
    }
    const asked: string[] = [];
    const others = (file: string) => (asked.push(file), file.startsWith('pagefind/') || file === 'sw.js');
    const states = fileStates(dist, others);
    expect([...states.keys()].sort()).toEqual(['index.html', 'papers/a/index.html', 'papers/b/index.html']);
    const { ino, mtimeMs } = statSync(join(dist, 'papers/a/index.html'));
    expect(states.get('papers/a/index.html')).toBe(`${ino}:${mtimeMs}`);
    // A claimed folder is not walked: none of its files is asked about.
    expect(asked).toContain('pagefind/');
    expect(asked.filter((f) => f.startsWith('pagefind/') && f !== 'pagefind/')).toEqual([]);
  });

  it('is empty for a site not built yet', () => {
    expect(fileStates(join(dist, 'missing'), () => false).size).toBe(0);
  });
});
