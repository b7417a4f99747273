/** Topic labels from the taxonomy file, and the papers of each topic, read once per build. */
import { env } from '../config.ts';
import { loadTaxonomy } from '../analysis/taxonomy.ts';
import { groupByTopic, nameFromSlug, type TopicGroup, type TopicLabel } from '../analysis/topic-groups.ts';
import { allPapers } from './papers.ts';

let topics: Promise<TopicGroup[]> | undefined;
let bySlug: Promise<Map<string, TopicGroup>> | undefined;

/** Every topic in taxonomy order (then `other`, then unknown hand-set ones), papers latest listed first (papers/view.ts: byLatestListed). */
export function allTopics(): Promise<TopicGroup[]> {
  topics ??= allPapers().then((papers) => groupByTopic(papers, taxonomyLabels()));
  return topics;
}

export async function topicLabel(slug: string): Promise<TopicLabel> {
  bySlug ??= allTopics().then((list) => new Map(list.map((t) => [t.slug, t])));
  return (await bySlug).get(slug) ?? { slug, name: nameFromSlug(slug), description: '' };
}

// Validated: a broken topics.yaml stops the build naming the field, as it stops ingest.
function taxonomyLabels(): TopicLabel[] {
  const taxonomy = loadTaxonomy(env.topicsFile());
  return [...taxonomy.topics, taxonomy.other].map(({ slug, name, description }) => ({ slug, name, description }));
}
