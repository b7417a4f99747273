/**
 * `/search-records.json`: every paper as a search record, for scripts/build-search.ts,
 * which indexes them with Pagefind and then deletes this file from the output.
 */
import { allPapers } from '../data/papers.ts';
import { topicLabel } from '../data/topics.ts';
import { searchRecord } from '../lib/search-record.ts';

export async function GET() {
  const papers = await allPapers();
  const records = await Promise.all(
    papers.map(async (p) => searchRecord(p, await Promise.all(p.topics.map(async (t) => (await topicLabel(t)).name)), `papers/${p.slug}/`)),
  );
  return new Response(JSON.stringify(records));
}
