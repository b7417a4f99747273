/** The benchmark's measuring parts, on real processes and real files (no timings asserted). */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffSnapshots, snapshot } from '../../bench/file-census.ts';
import { measureCommand } from '../../bench/measure.ts';
import { expandScript } from '../../bench/npm-scripts.ts';
import { weighPage } from '../../bench/page-weight.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'bench-harness-'));

describe('expanding an npm script into the steps it runs', () => {
  it('follows `npm run` calls and adds pre/post hooks, as npm runs them', () => {
    const scripts = {
      ingest: 'node scripts/ingest.ts',
      prebuild: 'node scripts/clean.ts',
      build: 'npm run ingest && astro build && npm run -s index',
      index: 'pagefind --site dist',
      postindex: 'node scripts/check-index.ts',
    };
    expect(expandScript(scripts, 'build')).toEqual([
      { label: 'prebuild', command: 'node scripts/clean.ts' },
      { label: 'ingest', command: 'node scripts/ingest.ts' },
      { label: 'astro build', command: 'astro build' },
      { label: 'index', command: 'pagefind --site dist' },
      { label: 'postindex', command: 'node scripts/check-index.ts' },
    ]);
  });

  it('keeps a script with other shell syntax as one step', () => {
    const scripts = { build: 'astro build || echo "failed" && pagefind --site dist' };
    expect(expandScript(scripts, 'build')).toEqual([{ label: 'build', command: scripts.build }]);
  });

  it('reports a missing script and scripts calling each other', () => {
    expect(() => expandScript({}, 'build')).toThrow(/no "build" script/);
    expect(() => expandScript({ a: 'npm run b', b: 'npm run a' }, 'a')).toThrow(/loop: a → b → a/);
  });
});

describe('measuring a command', () => {
  it('counts the memory of grandchild processes and reports the exit code', async () => {
    const logs = scratch();
    // sh → node → node: the grandchild holds 300 MB for a moment.
    const grandchild = `const b = Buffer.alloc(300 * 2 ** 20, 1); setTimeout(() => process.exit(b[0] === 1 ? 3 : 0), 500)`;
    const command = `node -e "const r = require('node:child_process').spawnSync(process.execPath, ['-e', '${grandchild}']); process.exit(r.status)"`;
    const m = await measureCommand(command, { cwd: logs, env: process.env, logFile: join(logs, 'log') });
    expect(m.exitCode).toBe(3);
    expect(m.peakRssBytes).toBeGreaterThan(300 * 2 ** 20);
    expect(m.peakProcesses.filter((p) => p.name.startsWith('node')).length).toBeGreaterThanOrEqual(2);
    expect(m.cpuMs).toBeGreaterThan(0);
  });
});

describe('counting written files', () => {
  it('counts created and changed files by folder, and deleted ones', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'dist/papers'), { recursive: true });
    writeFileSync(join(dir, 'dist/papers/a.html'), 'a');
    writeFileSync(join(dir, 'dist/papers/b.html'), 'b');
    writeFileSync(join(dir, 'dist/index.html'), 'home');
    const before = snapshot(dir);
    writeFileSync(join(dir, 'dist/papers/a.html'), 'a, changed');
    writeFileSync(join(dir, 'dist/papers/c.html'), 'c');
    rmSync(join(dir, 'dist/index.html'));
    expect(diffSnapshots(before, snapshot(dir))).toEqual({ written: 2, deleted: 1, byFolder: { 'dist/papers': 2 } });
  });
});

describe('weighing a page', () => {
  it('adds the linked CSS and finds render-blocking scripts in <head>', () => {
    const dist = scratch();
    mkdirSync(join(dist, 'papers/x'), { recursive: true });
    mkdirSync(join(dist, '_astro'));
    writeFileSync(join(dist, '_astro/site.css'), 'body{margin:0}');
    writeFileSync(join(dist, '_astro/app.js'), 'export {};');
    writeFileSync(join(dist, 'blocking.js'), 'void 0;');
    const html = [
      '<!doctype html><html><head>',
      '<link rel="stylesheet" href="/_astro/site.css"><link rel="icon" href="/favicon.svg">',
      '<script src="/blocking.js"></script>',
      '<script async src="https://stats.example/a.js"></script>',
      '<script type="module" src="/_astro/app.js"></script>',
      '<script>document.documentElement.dataset.theme = "dark"</script>',
      '<script type="application/ld+json">{}</script>',
      '</head><body><script src="../../late.js"></script></body></html>',
    ].join('\n');
    writeFileSync(join(dist, 'papers/x/index.html'), html);

    const weight = weighPage(dist, join(dist, 'papers/x/index.html'));
    expect(weight).toMatchObject({
      url: '/papers/x/',
      htmlBytes: Buffer.byteLength(html),
      cssFiles: ['/_astro/site.css'],
      cssBytes: 'body{margin:0}'.length,
      blockingScripts: ['/blocking.js'],
      inlineHeadScripts: 1,
      scriptFiles: ['/blocking.js', 'https://stats.example/a.js', '/_astro/app.js', '../../late.js'],
      scriptBytes: 'void 0;'.length + 'export {};'.length,
    });
  });
});
