/**
 * Turns the text of one captured listing into paper records. The capture's layout
 * (A: records with metadata, B: compact alternating lines, C: title/abstract blocks) is
 * recognised from the text itself; see docs in README for the quirks handled here.
 * Pure: no I/O, no dates resolved (that needs the capture date, see read.ts).
 */
import { parseDateline } from './dates.ts';
import { uniqueUrls } from './urls.ts';
import { titleKey } from './title-key.ts';
import type { Layout, ParsedListing, RawRecord, RecordDate } from './types.ts';

interface Line {
  /** 1-based line number in the file. */
  n: number;
  /** The line trimmed, with tabs and non-breaking spaces read as spaces. */
  text: string;
}

interface TextBlock {
  kind: 'text';
  lines: Line[];
}

interface MetaBlock {
  kind: 'meta';
  lines: Line[];
}

type Block = TextBlock | MetaBlock;

// Page chrome that captures keep above the records (compared lower-cased).
const HEADER_LINES = new Set([
  'new',
  'get trending papers in your email inbox!',
  'get trending papers in your email inbox once a day!',
  'subscribe',
  'daily papers',
  'byak and the research community',
]);

const SPACE_LIKE = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
// A count may carry thousands separators: collaborations sign papers by the thousand ("1,024 authors").
const AUTHORS = /^(?:[•·*-] ?)?(\d{1,3}(?:,\d{3})+|\d{1,5}) authors?$/i;
const DOT = /^[·•⋅∙]$/;
// An organisation handle: one token, then its display name.
const ORG = /^([A-Za-z0-9][\w.-]{0,63})(?: (.{1,100}))?$/;
// The longest an authors or organisation line can be: an org handle (64) and display name (100).
const META_HEAD_MAX = 166;
/** Titles are short and do not end like a sentence; abstracts are long or end with a period. */
const TITLE_MAX = 300;

/** Told how far parsing has got, in lines, so that a big listing can show progress. */
export type ParseProgress = (linesDone: number, linesTotal: number) => void;

export function parseListing(text: string, onProgress?: ParseProgress): ParsedListing {
  const lines = toLines(text);
  const progress = (line: number) => onProgress?.(line, lines.length);
  const bodyStart = skipHeader(lines);
  const pageDate = findPageDate(lines, bodyStart);
  const body = lines.slice(pageDate ? lines.indexOf(pageDate.lineRef) + 1 : bodyStart);
  const problems: ParsedListing['problems'] = [];

  const layout = detectLayout(body);
  const records = layout === 'B' ? parseAlternating(body, problems, progress) : parseBlocks(toBlocks(body), problems, progress);
  progress(lines.length);
  return {
    layout,
    pageDate: pageDate ? { month: pageDate.month, day: pageDate.day, line: pageDate.lineRef.n } : null,
    records,
    problems,
  };
}

function toLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ n: i + 1, text: raw.replace(SPACE_LIKE, ' ').trim() }));
}

/** Index of the first line after the page chrome; unglues `SubscribeFirst title`. */
function skipHeader(lines: Line[]): number {
  let i = 0;
  let sawHeader = false;
  for (; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (t === '') continue;
    if (HEADER_LINES.has(t.toLowerCase())) {
      sawHeader = true;
      continue;
    }
    const glued = /^Subscribe(?=\S)/.exec(t);
    if (glued && (sawHeader || /^Subscribe[A-Z0-9]/.test(t))) {
      lines[i] = { n: lines[i]!.n, text: t.slice('Subscribe'.length) };
    }
    break;
  }
  return i;
}

/** The page's own `MON DAY`, when it is the first thing after the chrome. */
function findPageDate(lines: Line[], from: number) {
  const first = lines.slice(from).find((l) => l.text !== '');
  if (!first) return null;
  const d = parseDateline(collapse(first.text));
  if (!d || d.year !== null || d.upvotes !== null) return null;
  return { month: d.month, day: d.day, lineRef: first };
}

/** B has no empty line between records; A is the only layout with metadata blocks. */
function detectLayout(body: Line[]): Layout {
  const first = body.findIndex((l) => l.text !== '');
  const last = body.findLastIndex((l) => l.text !== '');
  const inner = first === -1 ? [] : body.slice(first, last + 1);
  if (inner.length > 0 && !inner.some((l) => l.text === '')) return 'B';
  return inner.some((l) => DOT.test(l.text) || AUTHORS.test(l.text)) ? 'A' : 'C';
}

function toBlocks(body: Line[]): Block[] {
  const blocks: Block[] = [];
  let current: Line[] = [];
  const flush = () => {
    if (current.length > 0) blocks.push(...splitMeta(current));
    current = [];
  };
  for (const line of body) {
    if (line.text === '') flush();
    else current.push(line);
  }
  flush();
  return blocks;
}

/** Separates a metadata tail (authors or org, `·`, dateline) from text it is glued to. */
function splitMeta(lines: Line[]): Block[] {
  const dot = lines.findIndex((l) => DOT.test(l.text));
  const authors = lines.findIndex((l) => AUTHORS.test(collapse(l.text)));
  let start: number;
  if (authors !== -1 && (dot === -1 || authors < dot)) start = authors;
  else if (dot !== -1) start = dot > 0 && isMetaHead(lines[dot - 1]!.text) ? dot - 1 : dot;
  else return [{ kind: 'text', lines }];
  const blocks: Block[] = [];
  if (start > 0) blocks.push({ kind: 'text', lines: lines.slice(0, start) });
  blocks.push({ kind: 'meta', lines: lines.slice(start) });
  return blocks;
}

/**
 * The line right above a `·` is the record's authors or organisation line, even when it is
 * garbled ("• many authors"): read as metadata it is reported as unreadable, whereas read as
 * text it would become a paper of its own. Only a line that reads as prose (long, or ending
 * like a sentence) is taken for the end of an abstract that lost its metadata head.
 */
function isMetaHead(text: string): boolean {
  return text.length <= META_HEAD_MAX && !/[.!?]$/.test(text);
}

interface Draft {
  title: string;
  line: number;
  paragraphs: string[];
}

function parseBlocks(blocks: Block[], problems: ParsedListing['problems'], progress: (line: number) => void): RawRecord[] {
  const records: RawRecord[] = [];
  let draft: Draft | null = null;
  const finish = (meta: Meta | null) => {
    if (draft) records.push(toRecord(draft, meta));
    draft = null;
  };

  for (const block of blocks) {
    progress(block.lines[0]!.n);
    if (block.kind === 'meta') {
      const meta = readMeta(block, problems);
      if (draft) finish(meta);
      else problems.push({ line: block.lines[0]!.n, severity: 'error', message: 'metadata with no paper title above it; skipped' });
      continue;
    }
    const text = joinLines(block.lines);
    const line = block.lines[0]!.n;
    if (draft === null) {
      // A title is due here: after the header, after metadata, or after a skipped record.
      const split = splitTitle(block.lines);
      if (split) draft = { title: split.title, line, paragraphs: split.rest ? [split.rest] : [] };
      else problems.push({ line, severity: 'error', message: `expected a paper title, found ${text.length} characters of text; skipped` });
    } else if (looksLikeTitle(block.lines)) {
      // The previous record had no metadata (or no abstract): this block starts the next one.
      finish(null);
      draft = { title: text, line, paragraphs: [] };
    } else {
      draft.paragraphs.push(text);
    }
  }
  finish(null);
  return records;
}

/** A title block, possibly with its abstract glued below it without an empty line. */
function splitTitle(lines: Line[]): { title: string; rest: string | null } | null {
  if (looksLikeTitle(lines)) return { title: joinLines(lines), rest: null };
  const first = lines[0]!.text;
  if (lines.length > 1 && looksLikeTitle([lines[0]!])) return { title: first, rest: joinLines(lines.slice(1)) };
  // A lone line that is a plausible title even though it ends like a sentence.
  if (lines.length === 1 && first.length <= TITLE_MAX && hasLetters(first)) return { title: first, rest: null };
  return null;
}

function looksLikeTitle(lines: Line[]): boolean {
  if (lines.length > 3) return false;
  const text = joinLines(lines);
  if (text.length > TITLE_MAX || !hasLetters(text) || /https?:\/\//i.test(text)) return false;
  // A few titles end in a period ("… or ...."); they still read as Title Case, prose does not.
  return !/[.,;]$/.test(text) || titleCaseShare(text) >= 0.6;
}

/** Share of the longer words (4+ letters) that start with a capital. */
function titleCaseShare(text: string): number {
  const words = text.split(/[\s/:]+/).filter((w) => /^\p{L}{4}/u.test(w));
  if (words.length < 3) return 0;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length;
}

/**
 * A title needs a letter, and one that survives `titleKey`: some letters (a lone
 * halfwidth sound mark, say) normalise away, and a paper needs an identity to be merged by.
 */
function hasLetters(text: string): boolean {
  return /\p{L}/u.test(text) && /\p{L}/u.test(titleKey(text));
}

/** Layout B: one line of title, one of abstract; extra long lines continue the abstract. */
function parseAlternating(body: Line[], problems: ParsedListing['problems'], progress: (line: number) => void): RawRecord[] {
  const records: RawRecord[] = [];
  let draft: Draft | null = null;
  for (const line of body) {
    progress(line.n);
    if (line.text === '') continue;
    if (draft === null) {
      if (looksLikeTitle([line]) || (line.text.length <= TITLE_MAX && hasLetters(line.text))) {
        draft = { title: line.text, line: line.n, paragraphs: [] };
      } else {
        problems.push({ line: line.n, severity: 'error', message: `expected a paper title, found ${line.text.length} characters of text; skipped` });
      }
    } else if (looksLikeTitle([line])) {
      // A title after a title means the first one's abstract is missing.
      records.push(toRecord(draft, null));
      draft = { title: line.text, line: line.n, paragraphs: [] };
    } else if (draft.paragraphs.length === 0) {
      draft.paragraphs.push(line.text);
    } else {
      draft.paragraphs[draft.paragraphs.length - 1] += ` ${line.text}`;
    }
  }
  if (draft) records.push(toRecord(draft, null));
  return records;
}

interface Meta {
  authorsCount: number | null;
  org: { id: string; name: string } | null;
  date: RecordDate | null;
  publishedText: string | null;
  upvotes: number | null;
}

/**
 * `(authors | org) ⏎ · ⏎ dateline`, read by position: the head (authors or organisation) comes
 * first, and anything after the `·` or after the head can only be the date line. So a garbled
 * date ("Mar 45 4", "yesterday") is reported, never taken for an organisation's name.
 */
function readMeta(block: MetaBlock, problems: ParsedListing['problems']): Meta {
  const meta: Meta = { authorsCount: null, org: null, date: null, publishedText: null, upvotes: null };
  let headRead = false;
  let dotLine: number | null = null;
  let dateUnreadable = false;
  const unreadable = (n: number, t: string, what: string) =>
    problems.push({ line: n, severity: 'warning', message: `unreadable ${what} "${t.slice(0, 80)}"; ignored` });
  for (const line of block.lines) {
    const t = collapse(line.text);
    if (DOT.test(t)) {
      dotLine ??= line.n;
      continue;
    }
    const date = parseDateline(t);
    if (date && meta.date === null) {
      meta.date = { month: date.month, day: date.day, year: date.year, line: line.n };
      meta.publishedText = date.upvotes === null ? t : t.slice(0, t.lastIndexOf(' '));
      meta.upvotes = date.upvotes;
      continue;
    }
    if (headRead || dotLine !== null || meta.date !== null) {
      unreadable(line.n, t, 'date line');
      dateUnreadable = true;
      continue;
    }
    headRead = true;
    const authors = AUTHORS.exec(t);
    const org = ORG.exec(t);
    if (authors) meta.authorsCount = Number(authors[1]!.replace(/,/g, ''));
    else if (org) meta.org = { id: org[1]!, name: org[2] ?? org[1]! };
    else unreadable(line.n, t, 'authors or organisation line');
  }
  if (dotLine !== null && meta.date === null && !dateUnreadable) {
    problems.push({ line: dotLine, severity: 'warning', message: 'metadata with no date line after "·"; the paper has no publication date or upvotes' });
  }
  return meta;
}

function toRecord(draft: Draft, meta: Meta | null): RawRecord {
  const abstract = draft.paragraphs.length > 0 ? draft.paragraphs.join('\n\n') : null;
  return {
    title: draft.title,
    abstract,
    authorsCount: meta?.authorsCount ?? null,
    org: meta?.org ?? null,
    publishedText: meta?.publishedText ?? null,
    date: meta?.date ?? null,
    upvotes: meta?.upvotes ?? null,
    urls: abstract ? uniqueUrls(abstract) : [],
    line: draft.line,
  };
}

/**
 * Joins hard-wrapped lines; a line ending in a hyphen continues the word below it.
 * Looks at each line, never at the text joined so far: testing that growing string
 * once per line would be quadratic on a block of many thousands of lines.
 */
function joinLines(lines: Line[]): string {
  const parts: string[] = [];
  lines.forEach((l, i) => {
    if (i > 0 && !/\w-$/.test(lines[i - 1]!.text)) parts.push(' ');
    parts.push(l.text);
  });
  return parts.join('');
}

function collapse(text: string): string {
  return text.replace(/ {2,}/g, ' ');
}
