/** Topic labels from the taxonomy file, and the papers of each topic, read once per build. */
import { existsSync, readFileSync } from 'node:fs';
import YAML from 'yaml';
import { groupByTopic, nameFromSlug, type TopicGroup, type TopicLabel } from '../lib/topic-index.ts';
import { allPapers } from './papers.ts';

let topics: Promise<TopicGroup[]> | undefined;

export function allTopics(): Promise<TopicGroup[]> {
  topics ??= allPapers().then((papers) => groupByTopic(papers, taxonomyLabels()));
  return topics;
}

export async function topicLabel(slug: string): Promise<TopicLabel> {
  const found = (await allTopics()).find((t) => t.slug === slug);
  return found ?? { slug, name: nameFromSlug(slug), description: '' };
}

function taxonomyLabels(): TopicLabel[] {
  const path = 'content/topics.yaml';
  if (!existsSync(path)) return [];
  const data = YAML.parse(readFileSync(path, 'utf8')) as { topics?: TopicLabel[] } | TopicLabel[];
  const list = Array.isArray(data) ? data : (data.topics ?? []);
  return list.map(({ slug, name, description }) => ({ slug, name, description: description ?? '' }));
}
