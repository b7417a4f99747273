/** `/digests/YYYY-MM-DD.json`: a digest day for the browser's catch-up and watchlist (src/personal/day-file.ts). */
import type { APIContext, GetStaticPaths } from 'astro';
import { allDigests } from '../../data/papers.ts';
import { pageCacheKey } from '../../data/cache-key.ts';
import { writeDayFile } from '../../personal/day-file-write.ts';
import type { Digest } from '../../site/digests.ts';

export const getStaticPaths = (async () => {
  return Promise.all((await allDigests()).map(async (digest) => ({ params: { date: digest.date }, props: { digest }, cacheKey: await pageCacheKey(digest) })));
}) satisfies GetStaticPaths;

export function GET({ props }: APIContext) {
  const { digest } = props as { digest: Digest };
  return new Response(writeDayFile(digest), { headers: { 'Content-Type': 'application/json' } });
}
