/** The topic taxonomy file: the shipped default, and the errors a maintainer's edit can cause. */
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy, OTHER_TOPIC, TaxonomyError, topicSlugs } from '../../../src/analysis/taxonomy.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const defaultPath = join(root, 'content/topics.yaml');

const ISSUE_SLUGS = [
  'language-models', 'efficiency', 'architectures', 'vision', 'generative', 'multimodal', 'audio-speech',
  '3d-graphics', 'rl-robotics', 'graphs', 'retrieval-recsys', 'interpretability-safety', 'learning-theory', 'science-health',
];

/** Writes `text` as a taxonomy file in a fresh folder and returns its path. */
function taxonomyFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'taxonomy-')), 'topics.yaml');
  writeFileSync(path, text);
  return path;
}

const VALID = `
other:
  name: Other
  description: Papers that fit nowhere else.
topics:
  - slug: graphs
    name: Graph learning
    description: Learning on graphs.
    signals:
      graph neural network: 5
      computational graph: -3
  - slug: vision
    name: Computer vision
    description: Seeing machines.
    broad: true
    signals:
      image: 1
`;

describe('the default taxonomy (content/topics.yaml)', () => {
  const taxonomy = loadTaxonomy(defaultPath);

  it('has exactly the fourteen topics of the issue, in that order', () => {
    expect(taxonomy.topics.map((t) => t.slug)).toEqual(ISSUE_SLUGS);
  });

  it('gives every topic a name, a one-line description and positive signals', () => {
    for (const topic of taxonomy.topics) {
      expect(topic.name.length, topic.slug).toBeGreaterThan(0);
      expect(topic.description, topic.slug).toMatch(/^[^\n]{20,}$/);
      expect(topic.signals.some((s) => s.weight > 0), topic.slug).toBe(true);
    }
  });

  it('describes the "other" fallback, which is no list entry', () => {
    expect(taxonomy.other).toMatchObject({ slug: OTHER_TOPIC, name: 'Other' });
    expect(taxonomy.other.description.length).toBeGreaterThan(0);
    expect(topicSlugs(taxonomy)).toEqual([...ISSUE_SLUGS, OTHER_TOPIC]);
  });

  it('is what loadTaxonomy reads when given no path (run from the project root)', () => {
    const cwd = process.cwd();
    try {
      process.chdir(root);
      expect(loadTaxonomy()).toEqual(taxonomy);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('loading a taxonomy file', () => {
  it('reads topics, signals with their weights, and the broad flag (false unless set)', () => {
    const taxonomy = loadTaxonomy(taxonomyFile(VALID));
    expect(taxonomy.topics).toEqual([
      {
        slug: 'graphs',
        name: 'Graph learning',
        description: 'Learning on graphs.',
        broad: false,
        signals: [
          { phrase: 'graph neural network', weight: 5 },
          { phrase: 'computational graph', weight: -3 },
        ],
      },
      { slug: 'vision', name: 'Computer vision', description: 'Seeing machines.', broad: true, signals: [{ phrase: 'image', weight: 1 }] },
    ]);
  });

  it.each([
    ['a missing description', VALID.replace('    description: Seeing machines.\n', ''), /topics\[1\] \(vision\) > description: /],
    ['a misspelt key', VALID.replace('    description: Seeing machines.', '    descripton: Seeing machines.'), /topics\[1\] \(vision\).*descripton/],
    ['a description over two lines', VALID.replace('Seeing machines.', '|\n      Seeing\n      machines.'), /topics\[1\] \(vision\) > description: must be a single line/],
    ['an upper-case slug', VALID.replace('slug: vision', 'slug: Vision'), /topics\[1\] \(Vision\) > slug: must be lower-case words/],
    ['a topic named "other"', VALID.replace('slug: vision', 'slug: other'), /topics\[1\] \(other\) > slug: "other" is reserved/],
    ['a repeated slug', VALID.replace('slug: vision', 'slug: graphs'), /topics\[1\] \(graphs\) > slug: repeats the slug "graphs"/],
    ['a weight that is not a number', VALID.replace('image: 1', 'image: strong'), /topics\[1\] \(vision\) > signals > "image": must be a number/],
    ['a zero weight', VALID.replace('image: 1', 'image: 0'), /signals > "image": must be a non-zero number/],
    ['two phrases matching the same words', VALID.replace('image: 1', 'image: 1\n      images: 2'), /signals > "images": matches the same words as "image"; keep one/],
    ['a phrase with no words', VALID.replace('image: 1', 'image: 1\n      "--": 2'), /signals > "--": has no words to match/],
    ['only negative signals', VALID.replace('image: 1', 'image: -1'), /topics\[1\] \(vision\) > signals: needs at least one phrase with a positive weight/],
    ['no topics', 'other: {name: Other, description: Rest.}\ntopics: []\n', /topics: must list at least one topic/],
    ['no "other" entry', VALID.replace(/other:\n.*\n.*\n/, ''), /: other: /],
    ['invalid YAML', VALID.replace('image: 1', 'image: [1'), /: invalid YAML: /],
  ])('rejects %s, naming the file and the field', (_case, text, message) => {
    const path = taxonomyFile(text);
    const load = () => loadTaxonomy(path);
    expect(load).toThrow(TaxonomyError);
    expect(load).toThrow(message);
    expect(load).toThrow(`${path}: `);
  });

  it('says which file it could not read', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'taxonomy-')), 'nope.yaml');
    expect(() => loadTaxonomy(missing)).toThrow(`${missing}: cannot read the topic taxonomy`);
  });

  it('keeps the shipped file valid YAML with the comments a maintainer reads first', () => {
    const text = readFileSync(defaultPath, 'utf8');
    expect(text.startsWith('#')).toBe(true);
    expect(text).toContain('other');
  });
});
