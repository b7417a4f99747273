/**
 * Which Pagefind result id each page got. Pagefind names a page by a hash of its fragment and
 * does not say which; the fragment files it wrote do. Each is gzip-compressed: a signature,
 * then JSON, either one page's fragment (with its `url`; the id is the file's name) or, when
 * fragments are bundled (`maxFragments`), an object of them keyed by id. This is the format
 * Pagefind's own search script reads (`_loadFragment` in pagefind-worker.js, 1.x).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { forEachConcurrently } from '../utils/concurrency.ts';

const SIGNATURE = 'pagefind_dcd';

interface Fragment {
  url: string;
}

/** url (as given to Pagefind) → result id, from a written bundle's `fragment/` folder. */
export async function pagefindIdsByUrl(bundleDir: string): Promise<Map<string, string>> {
  const dir = join(bundleDir, 'fragment');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.pf_fragment'));
  const ids = new Map<string, string>();
  await forEachConcurrently(names, 32, async (name) => {
    const text = gunzipSync(await readFile(join(dir, name))).toString('utf8');
    if (!text.startsWith(SIGNATURE)) throw new Error(`${join(dir, name)}: not a Pagefind fragment`);
    const json = JSON.parse(text.slice(SIGNATURE.length)) as Fragment | Record<string, Fragment>;
    if (typeof json.url === 'string') ids.set(json.url, name.slice(0, -'.pf_fragment'.length));
    else for (const [id, fragment] of Object.entries(json as Record<string, Fragment>)) ids.set(fragment.url, id);
  });
  return ids;
}
