/**
 * `node bench/related-papers.ts [sizes...]`: times topic classification and related
 * papers on synthetic collections (default 10,000 and 30,000 papers) made by the listing
 * generator. Its vocabulary is far smaller than real abstracts', so terms are shared by many
 * more papers than in a real collection: the timings are on the pessimistic side.
 */
import { classifyTopics } from '../src/analysis/classify.ts';
import { relatedPapers, type RelatablePaper } from '../src/analysis/related.ts';
import { loadTaxonomy } from '../src/analysis/taxonomy.ts';
import { titleKey } from '../src/listing/title-key.ts';
import { generateCorpus } from './generate-listings.ts';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const taxonomy = loadTaxonomy();

for (const size of sizes.length > 0 ? sizes : [10_000, 30_000]) {
  const papers = syntheticPapers(size);

  let started = performance.now();
  for (const paper of papers) paper.topics = classifyTopics(paper, taxonomy);
  const classifyMs = performance.now() - started;

  // CPU time as well as wall time: on a shared machine the wall time can double.
  const cpuBefore = process.cpuUsage();
  started = performance.now();
  const related = relatedPapers(papers);
  const relatedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const relatedCpuMs = (cpu.user + cpu.system) / 1000;

  let links = 0;
  for (const ids of related.values()) links += ids.length;
  console.log(
    `${papers.length} papers: topics ${(classifyMs / 1000).toFixed(2)} s (${((classifyMs / papers.length) * 1000).toFixed(0)} µs/paper), ` +
      `related ${(relatedMs / 1000).toFixed(2)} s wall, ${(relatedCpuMs / 1000).toFixed(2)} s CPU (${((relatedCpuMs / papers.length) * 1000).toFixed(0)} µs/paper), ` +
      `${(links / papers.length).toFixed(2)} related/paper`,
  );
}

/** `count` distinct generated papers, plus one duplicate (same key, new id) per hundred. */
function syntheticPapers(count: number): RelatablePaper[] {
  const { listings } = generateCorpus(count, { seed: 4 });
  const seen = new Set<string>();
  const papers: RelatablePaper[] = [];
  for (const record of listings.flatMap((listing) => listing.records)) {
    const key = titleKey(record.title);
    if (seen.has(key)) continue;
    seen.add(key);
    papers.push({ id: `p${papers.length}`, title: record.title, abstract: record.abstract ?? '', topics: [], key });
  }
  for (let i = 0; i < papers.length; i += 100) papers.push({ ...papers[i]!, id: `${papers[i]!.id}-dup` });
  return papers;
}
