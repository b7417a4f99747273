/**
 * The paper collection read straight from `content/papers/`, outside Astro, the way the
 * content loader reads it (same reader, same schema), for build steps that need the papers
 * but not the pages: the search index is built this way alongside `astro build`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mapConcurrently } from '../utils/concurrency.ts';
import { readFrontmatter } from './file.ts';
import { paperSchema } from './schema.ts';
import { toPaperView, type PaperView } from './view.ts';

export async function readPaperViews(dir: string): Promise<PaperView[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  return mapConcurrently(names, 32, async (name) => {
    const text = await readFile(join(dir, name), 'utf8');
    const { data, body } = readFrontmatter(text);
    const checked = paperSchema.safeParse(data);
    // The build's loader names every broken file; here the first one is enough to stop.
    if (!checked.success) throw new Error(`${join(dir, name)}: ${checked.error.issues[0]?.message ?? 'invalid'}`);
    return toPaperView({ slug: name.slice(0, -3), body, data: checked.data });
  });
}
