/**
 * Synthetic day listings for the benchmark, written in the three real layouts (A, B, C;
 * see docs/listing-formats.md) with the variety of real captures: title and abstract
 * lengths, author counts or organisations, dates with and without a year, upvotes, URLs
 * in abstracts, and papers that re-appear on later days. Each listing comes with the
 * records a correct parser must read from it, so the generator can be checked against
 * the real parser.
 *
 * As a CLI: `node bench/generate-listings.ts --papers 1000 --out DIR [--seed N]`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Layout, ListingRecord, Org } from '../src/listing/types.ts';
import { titleKey } from '../src/listing/title-key.ts';
import { seededRandom, type Random } from './seeded-random.ts';
import * as V from './vocabulary.ts';

/** What a parser must make of one record: everything but its line number. */
export type ExpectedRecord = Omit<ListingRecord, 'line'>;

export interface GeneratedListing {
  /** `YYYY-MM-DD.txt`: the name states the capture date, as the README asks. */
  file: string;
  captureDate: string;
  layout: Layout;
  text: string;
  records: ExpectedRecord[];
  /** How many of the records are papers no earlier listing showed. */
  newPapers: number;
}

export interface GeneratorOptions {
  seed: number;
  /** Capture date of the first listing; each next listing is one day later. */
  startDate?: string;
  /** Records in a full day's listing. */
  perDay?: number;
  /** Share of a day's records that are papers from earlier days. */
  duplicateRate?: number;
}

/** A paper's facts that stay the same whenever a listing shows it again. */
interface Paper {
  title: string;
  abstract: string;
  urls: string[];
  authorsCount: number | null;
  org: Org | null;
  published: string;
  upvotes: number;
  /** Index of the day it first appeared: re-appearances are drawn from recent days. */
  day: number;
}

const TITLE_LENGTH = { min: 22, max: 213 };
const ABSTRACT_LENGTH = { min: 475, max: 1920 };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// Real captures: three of five files use layout A, one B, one C.
const LAYOUT_WEIGHTS: Array<[Layout, number]> = [['A', 0.6], ['B', 0.2], ['C', 0.2]];
// Re-appearing papers are recent ones: trending pages show this month's papers again.
const RECENT_DAYS = 30;

export interface ListingGenerator {
  /** The next day's listing; `maxNew` caps its new papers (the last day of a corpus). */
  nextDay(maxNew?: number): GeneratedListing;
  /** Distinct papers generated so far. */
  readonly distinctPapers: number;
}

export function createListingGenerator(options: GeneratorOptions): ListingGenerator {
  const random = seededRandom(options.seed);
  const perDay = options.perDay ?? 50;
  const duplicateRate = options.duplicateRate ?? 0.05;
  const papers: Paper[] = [];
  const titleKeys = new Set<string>();
  let day = 0;
  let date = options.startDate ?? '2024-01-01';

  const newPaper = (captureDate: string): Paper => {
    for (;;) {
      const theme = random.pick(V.THEMES);
      const name = coinName(random, theme);
      const title = makeTitle(random, theme, name);
      const key = titleKey(title);
      // Papers are identified by title key, so distinct papers need distinct keys.
      if (titleKeys.has(key)) continue;
      titleKeys.add(key);
      const { abstract, urls } = makeAbstract(random, theme, name);
      const hasOrg = random.chance(0.08);
      return {
        title,
        abstract,
        urls,
        authorsCount: hasOrg ? null : authorCount(random),
        org: hasOrg ? random.pick(V.ORGS) : null,
        published: publicationDate(random, captureDate),
        // Real captures show small counts, and on only a third of the records.
        upvotes: Math.floor(Math.exp(random.next() ** 2 * 5)),
        day,
      };
    }
  };

  return {
    get distinctPapers() {
      return papers.length;
    },
    nextDay(maxNew = Number.POSITIVE_INFINITY) {
      const captureDate = date;
      const layout = pickLayout(random);
      const recent = papers.filter((p) => p.day >= day - RECENT_DAYS);
      const shown: Paper[] = [];
      let fresh = 0;
      for (let i = 0; i < perDay; i++) {
        const again = recent.length > 0 && random.chance(duplicateRate) ? random.pick(recent) : null;
        if (again && !shown.includes(again)) {
          again.upvotes += random.int(0, 5);
          shown.push(again);
        } else if (fresh < maxNew) {
          const paper = newPaper(captureDate);
          papers.push(paper);
          shown.push(paper);
          fresh++;
        }
      }
      const records = shown.map((p) => recordFor(random, p, layout, captureDate));
      day++;
      date = addDays(date, 1);
      return { file: `${captureDate}.txt`, captureDate, layout, text: renderListing(layout, captureDate, records), records, newPapers: fresh };
    },
  };
}

/** Listings holding exactly `papers` distinct papers, about `perDay` records a day. */
export function generateCorpus(papers: number, options: GeneratorOptions): { listings: GeneratedListing[]; generator: ListingGenerator } {
  const generator = createListingGenerator(options);
  const listings: GeneratedListing[] = [];
  while (generator.distinctPapers < papers) listings.push(generator.nextDay(papers - generator.distinctPapers));
  return { listings, generator };
}

export function writeListings(dir: string, listings: GeneratedListing[]): void {
  mkdirSync(dir, { recursive: true });
  for (const listing of listings) writeFileSync(join(dir, listing.file), listing.text);
}

// ---- one record as a given day's listing shows it

function recordFor(random: Random, paper: Paper, layout: Layout, captureDate: string): ExpectedRecord {
  // Text captures never name the arXiv id, the authors or the links.
  const base = { title: paper.title, abstract: paper.abstract, urls: paper.urls, arxivId: null, authors: null, githubRepo: null, projectPage: null };
  // Layouts B and C carry no metadata; a few layout A records lack it too.
  if (layout !== 'A' || random.chance(0.05)) {
    return { ...base, authorsCount: null, org: null, publishedText: null, published: null, upvotes: null };
  }
  return {
    ...base,
    authorsCount: paper.authorsCount,
    org: paper.org,
    publishedText: datelineDate(paper.published, captureDate),
    published: paper.published,
    upvotes: random.chance(0.35) ? paper.upvotes : null,
  };
}

/** `Oct 13, 2025`, or `Oct 13` when it is in the capture's year, as the page writes it. */
function datelineDate(iso: string, captureDate: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const monthDay = `${MONTHS[month - 1]} ${day}`;
  return iso.slice(0, 4) === captureDate.slice(0, 4) ? monthDay : `${monthDay}, ${year}`;
}

function pageDate(captureDate: string): string {
  return datelineDate(captureDate, captureDate);
}

// ---- listing text in each layout

const HEADER_A = ['new', '', 'Get trending papers in your email inbox!', '', 'Subscribe', '', 'Daily Papers', '', 'byAK and the research community', ''];
const HEADER_C = ['new', '', 'Get trending papers in your email inbox!', '', 'Subscribe', '', 'byAK and the research community', ''];
const HEADER_B = ['Get trending papers in your email inbox once a day!', 'Get trending papers in your email inbox!'];

export function renderListing(layout: Layout, captureDate: string, records: ExpectedRecord[]): string {
  const lines: string[] = [];
  if (layout === 'B') {
    lines.push(...HEADER_B);
    records.forEach((r, i) => lines.push(i === 0 ? `Subscribe${r.title}` : r.title, r.abstract!));
  } else {
    lines.push(...(layout === 'A' ? HEADER_A : HEADER_C), pageDate(captureDate), '');
    for (const r of records) {
      lines.push(r.title, '', r.abstract!, '');
      if (r.publishedText !== null) lines.push(...metadataLines(r), '');
    }
  }
  return `${lines.join('\n')}\n`;
}

function metadataLines(r: ExpectedRecord): string[] {
  const who = r.org ? `${r.org.id} ${r.org.name}` : `  • ${r.authorsCount} authors`;
  return [who, '·', r.upvotes === null ? r.publishedText! : `${r.publishedText} ${r.upvotes}`];
}

function pickLayout(random: Random): Layout {
  let u = random.next();
  for (const [layout, weight] of LAYOUT_WEIGHTS) {
    if ((u -= weight) < 0) return layout;
  }
  return 'A';
}

// ---- paper facts

function authorCount(random: Random): number {
  // Mostly small teams, a long tail of large collaborations.
  return Math.min(80, 1 + Math.floor(-Math.log(1 - random.next()) * 6));
}

/** Trending pages show mostly this fortnight's papers, some from the past year, a few older. */
function publicationDate(random: Random, captureDate: string): string {
  const u = random.next();
  const daysBefore = u < 0.7 ? random.int(0, 14) : u < 0.9 ? random.int(15, 365) : random.int(366, 2500);
  return addDays(captureDate, -daysBefore);
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// ---- titles

function coinName(random: Random, theme: V.Theme): string {
  return `${random.pick(theme.nameParts)}${random.pick(V.NAME_ENDINGS)}${random.pick(V.NAME_VERSIONS)}`;
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'under', 'via', 'with']);

/** Title Case as papers write it: `Chain-of-Thought Reasoning for Large Language Models`. */
function titleCase(phrase: string): string {
  return phrase
    .split(' ')
    .map((word, i) =>
      word
        .split('-')
        .map((part, j) => ((i > 0 || j > 0) && SMALL_WORDS.has(part) ? part : part.charAt(0).toUpperCase() + part.slice(1)))
        .join('-'),
    )
    .join(' ');
}

function makeTitle(random: Random, theme: V.Theme, name: string): string {
  for (;;) {
    const t = (items: string[]) => titleCase(random.pick(items));
    const task = t(theme.tasks);
    const method = t(theme.methods);
    const subject = t(theme.subjects);
    const adjective = random.pick(V.TITLE_ADJECTIVES);
    const gerund = random.pick(V.TITLE_GERUNDS);
    const other = t(random.pick(V.THEMES).methods);
    const templates = [
      () => `${name}: ${adjective} ${method} for ${task}`,
      () => `${name}: ${gerund} ${subject} with ${method}`,
      () => `${gerund} ${task} via ${method}`,
      () => `${adjective} ${method} for ${task} in ${subject}`,
      () => `Towards ${adjective} ${task}: ${random.pick(V.TITLE_TAILS)}`,
      () => `Is ${method} All You Need for ${task}?`,
      () => `${method} Meets ${other}: ${adjective} ${task} for ${subject}`,
      () => `On the ${random.pick(V.TITLE_PROPERTIES)} of ${method} in ${subject}`,
      () => `${name}: A Benchmark for ${adjective} ${task}`,
      () => `${name}: ${task}`,
      () => `${task} with ${name}`,
      () => `When ${method} Fails: ${gerund} ${task} under Distribution Shift`,
      () => `${name}: ${gerund} ${subject} for ${task} and ${t(theme.tasks)} with ${method}, ${other} and ${t(theme.methods)} at Scale (${random.pick(V.TITLE_TAILS)})`,
    ];
    const title = random.pick(templates)();
    if (title.length >= TITLE_LENGTH.min && title.length <= TITLE_LENGTH.max) return title;
  }
}

// ---- abstracts

interface Slots {
  [slot: string]: () => string;
}

function makeAbstract(random: Random, theme: V.Theme, name: string): { abstract: string; urls: string[] } {
  const benchmark = random.pick(theme.benchmarks);
  const fixed = {
    name,
    task: random.pick(theme.tasks),
    method: random.pick(theme.methods),
    method2: random.pick(random.chance(0.7) ? theme.methods : random.pick(V.THEMES).methods),
    subject: random.pick(theme.subjects),
    benchmark,
    benchmark2: random.pick(theme.benchmarks.filter((b) => b !== benchmark)),
  };
  const slots: Slots = {
    ...Object.fromEntries(Object.entries(fixed).map(([k, v]) => [k, () => v])),
    adjective: () => random.pick(V.TITLE_ADJECTIVES).toLowerCase(),
    n: () => String(random.pick([3, 8, 12, 32, 70, 128, 500, 1200, 4096, 15000])),
    pct: () => (10 + random.next() * 80).toFixed(1),
    pct2: () => (50 + random.next() * 45).toFixed(1),
    x: () => (1.5 + random.next() * 10).toFixed(1),
    rare: () => rareWord(random),
  };
  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      const lower = slot.charAt(0).toLowerCase() + slot.slice(1);
      const value = slots[lower]!();
      return slot === lower ? value : value.charAt(0).toUpperCase() + value.slice(1);
    });

  const urls = random.chance(0.27) ? makeUrls(random, name) : [];
  // Between 475 and 1920 characters, half of them over 1,400, like the real abstracts.
  const target = ABSTRACT_LENGTH.min + ((random.next() + random.next()) / 2) ** 0.75 * (ABSTRACT_LENGTH.max - ABSTRACT_LENGTH.min);
  for (;;) {
    const head = [fill(random.pick(V.OPENINGS)), fill(random.pick(V.PROBLEMS)), fill(random.pick(V.PROPOSALS))];
    const tail = [fill(random.pick(V.RESULTS)), ...(random.chance(0.6) ? [fill(random.pick(V.CLOSINGS))] : [])];
    if (urls.length > 0) tail.push(urlSentence(random, urls));
    const details: string[] = [];
    const pool = [...V.DETAILS];
    const length = () => [...head, ...details, ...tail].join(' ').length;
    while (length() < target && pool.length > 0) {
      details.push(fill(random.chance(0.6) ? random.pick(V.JARGON) : pool.splice(random.int(0, pool.length - 1), 1)[0]!));
    }
    const abstract = [...head, ...details, ...tail].join(' ');
    if (abstract.length >= ABSTRACT_LENGTH.min && abstract.length <= ABSTRACT_LENGTH.max) return { abstract, urls: urls.map(absolute) };
  }
}

// Rare words are drawn with probability ∝ 1/rank (Zipf) from 100,000 made-up words: that
// gives 1,000 papers 9,400 distinct words and 30,000 papers 87,000, close to the real
// abstracts' growth (3,768 distinct words in 100 papers, 8,576 in 500: about √n).
const RARE_WORDS = 100_000;

function rareWord(random: Random): string {
  let rank = Math.floor(Math.exp(random.next() * Math.log(RARE_WORDS)));
  let word = '';
  for (let i = 0; i < 3 && (i < 2 || rank > 0); i++) {
    word += V.SYLLABLES[rank % V.SYLLABLES.length];
    rank = Math.floor(rank / V.SYLLABLES.length);
  }
  return word;
}

function makeUrls(random: Random, name: string): string[] {
  const repo = name.replace(/\+/g, 'plus');
  const user = random.pick(V.GITHUB_USERS);
  const candidates = [
    `https://github.com/${user}/${repo}`,
    `https://${user.toLowerCase()}.github.io/${repo.toLowerCase()}/`,
    `https://huggingface.co/${user}/${repo}`,
    // Some captures lost the scheme; the parser still finds these hosts.
    `hf.co/datasets/${user}/${repo}-data`,
  ];
  const first = random.pick(candidates);
  return random.chance(0.15) ? [first, ...candidates.filter((c) => c !== first).slice(0, 1)] : [first];
}

function urlSentence(random: Random, urls: string[]): string {
  const templates = urls.length > 1 ? V.URL_SENTENCES.filter((s) => s.includes('{url2}')) : V.URL_SENTENCES.filter((s) => !s.includes('{url2}'));
  return random.pick(templates).replace('{url}', urls[0]!).replace('{url2}', urls[1] ?? '');
}

function absolute(url: string): string {
  return /^https?:\/\//.test(url) ? url : `https://${url}`;
}

// ---- CLI

if (import.meta.main) {
  const { values } = parseArgs({ options: { papers: { type: 'string', default: '1000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
  if (!values.out) {
    console.error('usage: node bench/generate-listings.ts --papers N --out DIR [--seed N]');
    process.exit(2);
  }
  const { listings } = generateCorpus(Number(values.papers), { seed: Number(values.seed) });
  writeListings(values.out, listings);
  console.log(`Wrote ${listings.length} listings (${listings.reduce((n, l) => n + l.records.length, 0)} records, ${values.papers} papers) to ${values.out}`);
}
