/**
 * The topic taxonomy: `content/topics.yaml`, a maintainer-editable list of topics, each
 * with a name, a one-line description for its page, and the weighted phrases the
 * classifier looks for (classify.ts). Validated here so that ingest and build stop
 * with the file and field at fault rather than misfiling papers.
 *
 * The fallback topic `other` is not a list entry: code assigns it when no topic fits, so no
 * signals can ever pull a paper into it. The file only gives its name and description.
 */
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { z } from 'astro/zod';
import { stems } from './terms.ts';
import { TOPIC_SLUG } from '../papers/schema.ts';

export const OTHER_TOPIC = 'other';

/** A phrase the classifier counts, and how strongly it points to its topic (negative: away from it). */
export interface Signal {
  phrase: string;
  weight: number;
}

export interface Topic {
  slug: string;
  name: string;
  description: string;
  /** A field many papers merely work in (language, vision, audio): it leads only when no specific topic scores near it. */
  broad: boolean;
  signals: Signal[];
}

export interface OtherTopic {
  slug: typeof OTHER_TOPIC;
  name: string;
  description: string;
}

export interface Taxonomy {
  /** In file order, which is also the order of topics on the site and the classifier's tie-break. */
  topics: Topic[];
  other: OtherTopic;
}

export class TaxonomyError extends Error {}

const oneLine = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((text) => !/[\r\n]/.test(text), 'must be a single line');

const signalsSchema = z
  .record(
    z.string(),
    z.number('must be a number').refine((weight) => Number.isFinite(weight) && weight !== 0, 'must be a non-zero number'),
  )
  .superRefine((signals, ctx) => {
    const seen = new Map<string, string>();
    for (const phrase of Object.keys(signals)) {
      const key = stems(phrase).join(' ');
      if (key === '') {
        ctx.addIssue({ code: 'custom', path: [phrase], message: 'has no words to match' });
      } else if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', path: [phrase], message: `matches the same words as "${seen.get(key)}"; keep one` });
      } else {
        seen.set(key, phrase);
      }
    }
    if (!Object.values(signals).some((weight) => weight > 0)) {
      ctx.addIssue({ code: 'custom', message: 'needs at least one phrase with a positive weight' });
    }
  });

const topicSchema = z.strictObject({
  slug: z
    .string()
    .regex(TOPIC_SLUG, 'must be lower-case words joined by hyphens, such as "language-models"')
    .refine((slug) => slug !== OTHER_TOPIC, `"${OTHER_TOPIC}" is reserved for papers that fit no topic`),
  name: oneLine,
  description: oneLine,
  broad: z.boolean('must be true or false').default(false),
  signals: signalsSchema,
});

const taxonomySchema = z.strictObject({
  other: z.strictObject({ name: oneLine, description: oneLine }),
  topics: z
    .array(topicSchema)
    .min(1, 'must list at least one topic')
    .superRefine((topics, ctx) => {
      const seen = new Set<string>();
      topics.forEach((topic, index) => {
        if (seen.has(topic.slug)) ctx.addIssue({ code: 'custom', path: [index, 'slug'], message: `repeats the slug "${topic.slug}"` });
        seen.add(topic.slug);
      });
    }),
});

/** Reads and validates a taxonomy file; throws TaxonomyError naming the file and the field at fault. */
export function loadTaxonomy(path = 'content/topics.yaml'): Taxonomy {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new TaxonomyError(`${path}: cannot read the topic taxonomy: ${(error as Error).message}`);
  }
  return parseTaxonomy(text, path);
}

/** Validates taxonomy YAML; `source` names the file in error messages. */
export function parseTaxonomy(text: string, source: string): Taxonomy {
  const doc = YAML.parseDocument(text);
  if (doc.errors.length > 0) throw new TaxonomyError(`${source}: invalid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  const data: unknown = doc.toJS();
  const result = taxonomySchema.safeParse(data);
  if (!result.success) {
    // Several problems at once are usually one edit (a misspelt key is also a missing one): show a few.
    const problems = result.error.issues.slice(0, 3).map((issue) => `${describePath(issue.path, data)}: ${describeIssue(issue)}`);
    throw new TaxonomyError(`${source}: ${problems.join('; ')}`);
  }
  const { other, topics } = result.data;
  return {
    other: { slug: OTHER_TOPIC, ...other },
    topics: topics.map((topic) => ({
      ...topic,
      signals: Object.entries(topic.signals).map(([phrase, weight]) => ({ phrase, weight })),
    })),
  };
}

/** Every slug a paper may carry: the topics in file order, then `other`. */
export function topicSlugs(taxonomy: Taxonomy): string[] {
  return [...taxonomy.topics.map((topic) => topic.slug), OTHER_TOPIC];
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return 'is missing';
  if (issue.code === 'unrecognized_keys') return `unknown ${issue.keys.length > 1 ? 'keys' : 'key'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

/**
 * Writes an issue path for a maintainer: `topics[2] (vision) > signals > "diffusion"`,
 * naming the topic by its slug when it has one, since that is what they search the file for.
 */
function describePath(path: ReadonlyArray<PropertyKey>, data: unknown): string {
  if (path.length === 0) return '(the whole file)';
  const parts: string[] = [];
  let node: unknown = data;
  path.forEach((key, depth) => {
    const child = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number' && parts.length > 0) {
      const slug = child !== null && typeof child === 'object' ? (child as { slug?: unknown }).slug : undefined;
      parts[parts.length - 1] += `[${key}]${typeof slug === 'string' ? ` (${slug})` : ''}`;
    } else {
      // Signal phrases are the maintainer's own words: quote them so spaces and punctuation read clearly.
      parts.push(path[depth - 1] === 'signals' ? JSON.stringify(String(key)) : String(key));
    }
    node = child;
  });
  return parts.join(' > ');
}
