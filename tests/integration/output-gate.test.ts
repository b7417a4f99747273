/**
 * `astro build` as scripts/build-site.ts starts it on a day's rebuild: at once, while the script
 * reads what `dist/` holds. Astro must ask before it writes there (src/site/output-gate.ts),
 * and go on when answered.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, writeListings } from '../../bench/generate-listings.ts';
import { createScratchProject } from '../../bench/scratch-project.ts';
import { root } from '../support/built-site.ts';
import { MAY_WRITE, OUTPUT_GATE_ENV } from '../../src/site/output-gate.ts';

const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0);

describe('astro build started by the build script', () => {
  let project: string;
  let filesWhenAsked = -1;
  let answered = false;
  let exitCode: number | null = null;

  beforeAll(async () => {
    project = join(mkdtempSync(join(tmpdir(), 'paper-digest-gate-')), 'project');
    createScratchProject(root, project);
    writeListings(join(project, 'content/listings'), generateCorpus(20, { seed: 3 }).listings);
    const env: NodeJS.ProcessEnv = { ...process.env, OG_IMAGES: 'off', [OUTPUT_GATE_ENV]: '1' };
    for (const key of ['PAPERS_DIR', 'BASE_PATH', 'SITE_URL']) delete env[key];
    execFileSync(process.execPath, ['scripts/ingest.ts', '--no-progress', 'content/listings'], { cwd: project, env, stdio: 'ignore' });
    const astro = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: project, env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    astro.on('message', (message) => {
      if (message !== MAY_WRITE.ask) return;
      filesWhenAsked = filesIn(join(project, 'dist'));
      answered = true;
      astro.send(MAY_WRITE.answer);
    });
    exitCode = await new Promise<number | null>((resolve) => astro.on('exit', resolve));
  }, 300_000);

  afterAll(() => {
    if (project) rmSync(join(project, '..'), { recursive: true, force: true });
  });

  it('asks before it writes anything into dist/, and builds the site once answered', () => {
    expect(answered).toBe(true);
    expect(filesWhenAsked).toBe(0);
    expect(exitCode).toBe(0);
    expect(existsSync(join(project, 'dist/index.html'))).toBe(true);
  });
});
