/**
 * What the paper collection says, read straight from content/papers/*.md: the facts a
 * search filter or sort is supposed to follow, so tests can compute the expected results
 * independently of the pages and of the search index.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import slugify from '@sindresorhus/slugify';
import YAML from 'yaml';
import { isCodeUrl } from '../../src/papers/view.ts';
import { nameFromSlug } from '../../src/analysis/topic-groups.ts';
import { root } from './built-site.ts';

export interface PaperFacts {
  slug: string;
  title: string;
  abstract: string;
  /** Publication date, else the first day the paper was captured: what "newest" sorts on. */
  date: string;
  /** Publication year, or "unknown": what the year filter holds. */
  year: string;
  /** Latest upvotes; unknown counts as 0 when sorting. */
  upvotes: number;
  organisation: string | null;
  /** The organisation's slug, as the organisation filter holds it. */
  organisationSlug: string | null;
  /** Every digest day the paper appeared in. */
  days: string[];
  hasCode: boolean;
  /** Topic names, as the topic filter shows them. */
  topics: string[];
  /** Topic slugs, as the topic filter and URLs hold them. */
  topicSlugs: string[];
  /** The links of the abstract, as in the file. */
  urls: string[];
  /** The arXiv id and author names the file has (from a Daily Papers listing, or set by hand). */
  arxiv: string | null;
  authors: string[] | null;
}

interface Frontmatter {
  title: string;
  published: string | null;
  upvotes: number | null;
  org: { name: string } | null;
  urls?: string[];
  github?: string | null;
  topics?: string[];
  listings: Array<{ captureDate: string }>;
  arxiv?: string | null;
  authors?: string[] | null;
}

let cached: PaperFacts[] | undefined;

export function collection(): PaperFacts[] {
  cached ??= readCollection();
  return cached;
}

export function factsBySlug(): Map<string, PaperFacts> {
  return new Map(collection().map((p) => [p.slug, p]));
}

function readCollection(): PaperFacts[] {
  const dir = join(root, 'content/papers');
  const names = topicNames();
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const [, frontmatter, ...body] = text.split(/^---$/m);
      const data = YAML.parse(frontmatter!) as Frontmatter;
      const days = [...new Set(data.listings.map((l) => String(l.captureDate)))].sort();
      return {
        slug: name.slice(0, -3),
        title: data.title,
        abstract: body.join('---').trim(),
        date: data.published ? String(data.published) : days[0]!,
        year: data.published ? String(data.published).slice(0, 4) : 'unknown',
        upvotes: data.upvotes ?? 0,
        organisation: data.org?.name ?? null,
        organisationSlug: data.org ? slugify(data.org.name, { decamelize: false }) : null,
        days,
        hasCode: (data.urls ?? []).some(isCodeUrl) || Boolean(data.github && isCodeUrl(data.github)),
        topics: (data.topics ?? []).map((slug) => names.get(slug) ?? nameFromSlug(slug)),
        topicSlugs: data.topics ?? [],
        urls: data.urls ?? [],
        arxiv: data.arxiv ?? null,
        authors: data.authors ?? null,
      };
    });
}

/** Topic names by slug, from the taxonomy file. */
function topicNames(): Map<string, string> {
  const path = join(root, 'content/topics.yaml');
  if (!existsSync(path)) return new Map();
  const file = YAML.parse(readFileSync(path, 'utf8')) as { topics?: Array<{ slug: string; name: string }> };
  return new Map((file.topics ?? []).map((t) => [t.slug, t.name]));
}

/** The slug of a paper page URL (`…/papers/<slug>/`). */
export function slugOf(url: string): string {
  const match = /\/papers\/([^/]+)\/$/.exec(new URL(url, 'http://x').pathname);
  if (!match) throw new Error(`not a paper URL: ${url}`);
  return decodeURIComponent(match[1]!);
}
