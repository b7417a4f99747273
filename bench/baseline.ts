/**
 * The reference the benchmark compares the project with (`--baseline`): a bare Astro site
 * built in the same run from the same paper files, one page per paper (title and abstract,
 * through Astro's own glob() loader and Markdown rendering) and nothing else, then the
 * Pagefind CLI over its HTML, as a site that does only that would be built. Absolute times on
 * a shared machine vary by up to 2×, so the project's figures are reported as ratios to this.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureCommand, type Measurement } from './measure.ts';
import { linkNodeModules } from './scratch-project.ts';

export interface ReferenceResult {
  /** `astro build` of the bare site, then `pagefind --site dist`. */
  steps: Array<Omit<Measurement, 'outputTail'> & { label: string }>;
  wallMs: number;
  cpuMs: number;
  /** The larger of the two steps' peaks (they run one after the other). */
  peakRssBytes: number;
  loadAverage: number;
  ok: boolean;
}

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'reference', private: true, type: 'module' }),
  'astro.config.mjs': `export default {};\n`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { papers: defineCollection({ loader: glob({ pattern: '*.md', base: process.env.REFERENCE_PAPERS }) }) };
`,
  'src/pages/papers/[slug].astro': `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('papers')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
<body><main><h1>{entry.data.title}</h1><Content /></main></body></html>
`,
};

/** Writes the bare site next to the project and builds it, measuring each step. */
export async function buildReference(options: { projectRoot: string; dir: string; papersDir: string; env: NodeJS.ProcessEnv; logFile: string; loadAverage: number }): Promise<ReferenceResult> {
  const { dir } = options;
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  linkNodeModules(join(options.projectRoot, 'node_modules'), join(dir, 'node_modules'));
  const env = { ...options.env, REFERENCE_PAPERS: options.papersDir, PATH: `${join(dir, 'node_modules/.bin')}:${options.env.PATH ?? ''}` };
  const result: ReferenceResult = { steps: [], wallMs: 0, cpuMs: 0, peakRssBytes: 0, loadAverage: options.loadAverage, ok: true };
  for (const [label, command] of [
    ['astro build (bare site)', 'node node_modules/astro/bin/astro.mjs build'],
    ['pagefind CLI', 'node node_modules/pagefind/lib/runner/bin.cjs --site dist'],
  ] as const) {
    const { outputTail, ...m } = await measureCommand(command, { cwd: dir, env, logFile: options.logFile });
    result.steps.push({ label, ...m });
    result.wallMs += m.wallMs;
    result.cpuMs += m.cpuMs;
    result.peakRssBytes = Math.max(result.peakRssBytes, m.peakRssBytes);
    if (m.exitCode !== 0) {
      result.ok = false;
      console.error(outputTail);
      break;
    }
  }
  return result;
}
