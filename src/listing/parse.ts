/**
 * Turns the text of one captured listing into paper records. The capture's layout
 * (A: records with metadata, B: compact alternating lines, C: title/abstract blocks) is
 * recognised from the text itself (docs/listing-formats.md).
 *
 * A title is a title because of where it stands: right above its abstract, or, in layout A,
 * right after the previous record with its metadata below. Saved pages also hold the site's
 * navigation, footer and "Submitted by" lines; those stand nowhere a paper can, so they are
 * skipped and counted, never made into papers and never given a record's metadata.
 * Pure: no I/O, no dates resolved (that needs the capture date, see read.ts).
 */
import { parseDateline } from './dates.ts';
import { uniqueUrls } from './urls.ts';
import { titleKey } from './title-key.ts';
import { removeUnsafeCharacters } from '../utils/safe-text.ts';
import type { Layout, ParsedListing, RawRecord, RecordDate, SkippedText } from './types.ts';

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

/**
 * What a piece of text looks like on its own: a title (short, no sentence ending), prose (an
 * abstract: long, or ending like a sentence, or holding a link), or neither (a list of menu
 * items, a number), which is never a title nor an abstract.
 */
type Shape = 'title' | 'prose' | 'other';

type Problems = ParsedListing['problems'];

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
const SENTENCE_END = /[.!?…:;)\]"'”’]$/;
/**
 * Where its position says a block is a title, it may be long (real titles pass 300 characters),
 * but not a page of text: beyond this it is reported instead.
 */
const TITLE_BY_POSITION_MAX = 1000;

/** Told how far parsing has got, in lines, so that a big listing can show progress. */
export type ParseProgress = (linesDone: number, linesTotal: number) => void;

export function parseListing(text: string, onProgress?: ParseProgress): ParsedListing {
  const lines = toLines(text);
  const progress = (line: number) => onProgress?.(line, lines.length);
  const skipped = new SkipCounter(lines);
  const bodyStart = skipHeader(lines, skipped);
  const pageDate = findPageDate(lines, bodyStart);
  const body = lines.slice(pageDate ? lines.indexOf(pageDate.lineRef) + 1 : bodyStart);
  const problems: Problems = [];

  const layout = detectLayout(body);
  const records =
    layout === 'B' ? parseAlternating(body, problems, skipped, progress) : parseBlocks(toBlocks(body), layout, problems, skipped, progress);
  progress(lines.length);
  return {
    layout,
    skipped: skipped.result(),
    pageDate: pageDate ? { month: pageDate.month, day: pageDate.day, line: pageDate.lineRef.n } : null,
    records,
    problems,
  };
}

function toLines(text: string): Line[] {
  return removeUnsafeCharacters(text.replace(/^\uFEFF/, ''))
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ n: i + 1, text: raw.replace(SPACE_LIKE, ' ').trim() }));
}

/** Skipped lines, merged into spans when no line that was read stands between them. */
class SkipCounter {
  private readonly skipped: number[] = [];
  private readonly lines: Line[];

  constructor(lines: Line[]) {
    this.lines = lines;
  }

  add(lines: Line[]): void {
    for (const line of lines) if (line.text !== '') this.skipped.push(line.n);
  }

  result(): SkippedText {
    const ns = [...this.skipped].sort((a, b) => a - b);
    const spans: SkippedText['spans'] = [];
    for (const n of ns) {
      const span = spans.at(-1);
      // Lines are numbered from 1: line n is lines[n - 1]. Only empty lines may lie between.
      if (span && this.lines.slice(span.to, n - 1).every((l) => l.text === '')) span.to = n;
      else spans.push({ from: n, to: n });
    }
    return { lines: ns.length, spans };
  }
}

/**
 * Index of the first line after the page header; unglues `SubscribeFirst title`. The header
 * may follow the site's navigation, which is skipped; it is looked for only above the first
 * record's metadata or abstract, so a later line reading "New" never counts as one.
 */
function skipHeader(lines: Line[], skipped: SkipCounter): number {
  const limit = lines.findIndex((l) => DOT.test(l.text) || AUTHORS.test(collapse(l.text)) || l.text.length > TITLE_MAX);
  const top = limit === -1 ? lines.length : limit;
  // The last run of header lines (with only empty lines between them) above the records.
  let runStart = -1;
  let end = 0;
  let inRun = false;
  for (let i = 0; i < top; i++) {
    const t = lines[i]!.text;
    if (t === '') continue;
    if (HEADER_LINES.has(t.toLowerCase())) {
      if (!inRun) runStart = i;
      inRun = true;
      end = i + 1;
    } else inRun = false;
  }
  const sawHeader = runStart !== -1;
  if (sawHeader) skipped.add(lines.slice(0, runStart).filter((l) => !HEADER_LINES.has(l.text.toLowerCase())));
  const first = lines.findIndex((l, i) => i >= end && l.text !== '');
  if (first !== -1) {
    const t = lines[first]!.text;
    if (/^Subscribe(?=\S)/.test(t) && (sawHeader || /^Subscribe[A-Z0-9]/.test(t))) {
      lines[first] = { n: lines[first]!.n, text: t.slice('Subscribe'.length) };
    }
  }
  return end;
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
  /** Set when the line standing where the title must be cannot be one: the record is reported, not kept. */
  error?: string;
}

/** The record a draft makes, or its error. */
function finishDraft(draft: Draft, meta: Meta | null, records: RawRecord[], problems: Problems): void {
  if (draft.error) problems.push({ line: draft.line, severity: 'error', message: draft.error });
  else records.push(toRecord(draft, meta));
}

function notATitle(text: string): string {
  return `expected a paper title, found ${text.length} characters of text; skipped`;
}

const LOST_ABSTRACT = (title: string) => `"${title.slice(0, 80)}" has no abstract; read as a paper whose abstract the capture lost (if it is page text, delete the line)`;

function shapeOf(lines: Line[], text = joinLines(lines)): Shape {
  if (looksLikeTitle(lines, false, text)) return 'title';
  if (!/\p{L}/u.test(text)) return 'other';
  return text.length > TITLE_MAX || SENTENCE_END.test(text) || /https?:\/\//i.test(text) ? 'prose' : 'other';
}

/**
 * Layouts A and C, block by block. Text blocks come in runs between abstracts (prose) and
 * metadata; where a run stands decides what it is:
 * - above an abstract: its last block is the record's title (in layout A, any text right after
 *   the previous record is, whatever its length);
 * - in layout A, between an abstract and its metadata: page text ("Submitted by" and a user);
 * - in layout A, after a record and above metadata, with no abstract: the first block is the
 *   title of a record whose abstract was lost;
 * - before the first record or after the last: page text.
 * In layout C one title alone between two records is a paper whose abstract was lost (with a
 * warning naming its line); two or more are page text.
 */
function parseBlocks(blocks: Block[], layout: Layout, problems: Problems, skipped: SkipCounter, progress: (line: number) => void): RawRecord[] {
  const records: RawRecord[] = [];
  const texts = blocks.map((b) => (b.kind === 'text' ? joinLines(b.lines) : ''));
  const shapes = blocks.map((b, k) => (b.kind === 'text' ? shapeOf(b.lines, texts[k]) : null));
  let draft: Draft | null = null;
  const finish = (meta: Meta | null) => {
    if (draft) finishDraft(draft, meta, records, problems);
    draft = null;
  };
  const start = (lines: Line[], title: string, error?: string) => {
    finish(null);
    draft = { title, line: lines[0]!.n, paragraphs: [], ...(error ? { error } : {}) };
  };

  let i = 0;
  while (i < blocks.length) {
    const block = blocks[i]!;
    progress(block.lines[0]!.n);
    if (block.kind === 'meta') {
      const meta = readMeta(block, problems);
      if (draft) finish(meta);
      else problems.push({ line: block.lines[0]!.n, severity: 'error', message: 'metadata with no paper title above it; skipped' });
      i++;
      continue;
    }
    const text = joinLines(block.lines);
    if (shapes[i] === 'prose') {
      if (draft) (draft as Draft).paragraphs.push(text);
      else {
        const glued = splitTitle(block.lines);
        const next = blocks[i + 1];
        if (glued) {
          start(block.lines, glued.title);
          (draft as unknown as Draft).paragraphs.push(glued.rest);
        } else if (next?.kind === 'text' && shapes[i + 1] === 'prose') {
          // Right above an abstract, after a record or the header: a title, however long.
          start(block.lines, text, text.length > TITLE_BY_POSITION_MAX || !hasLetters(text) ? notATitle(text) : undefined);
        } else if (next?.kind === 'meta' || next === undefined) problems.push({ line: block.lines[0]!.n, severity: 'error', message: notATitle(text) });
        else skipped.add(block.lines);
      }
      i++;
      continue;
    }

    // A run of blocks that are no abstract: titles, page text, or both.
    let j = i;
    while (j < blocks.length && blocks[j]!.kind === 'text' && shapes[j] !== 'prose') j++;
    const run = blocks.slice(i, j) as TextBlock[];
    const runShapes = shapes.slice(i, j);
    const after = blocks[j];
    const afterRecord = draft !== null || records.length > 0;
    let title: TextBlock | undefined;
    let lost: TextBlock | undefined;
    if (after?.kind === 'text') {
      // An abstract follows: the title is the block right above it (menu-like lines aside).
      let k = run.length - 1;
      while (k >= 0 && runShapes[k] === 'other') k--;
      if (k >= 0) title = run[k];
      const before = run.slice(0, Math.max(k, 0)).filter((_, m) => runShapes[m] !== 'other');
      if (layout === 'C' && afterRecord && before.length === 1 && hasLetters(joinLines(before[0]!.lines))) lost = before[0];
    } else if (after?.kind === 'meta' && draft === null) {
      // Metadata with no abstract above: a record whose abstract was lost.
      const titles = run.filter((b, k) => runShapes[k] === 'title' && hasLetters(joinLines(b.lines)));
      title = afterRecord ? titles[0] : titles.at(-1);
    }
    for (const b of run) {
      if (b === title) continue;
      if (b === lost) {
        const t = joinLines(b.lines);
        problems.push({ line: b.lines[0]!.n, severity: 'warning', message: LOST_ABSTRACT(t) });
        start(b.lines, t);
      } else skipped.add(b.lines);
    }
    if (title) {
      const t = joinLines(title.lines);
      start(title.lines, t, hasLetters(t) ? undefined : notATitle(t));
    }
    i = j;
  }
  finish(null);
  return records;
}

/** A title glued to its abstract without an empty line between them. */
function splitTitle(lines: Line[]): { title: string; rest: string } | null {
  if (lines.length < 2 || !looksLikeTitle([lines[0]!])) return null;
  const rest = lines.slice(1);
  return shapeOf(rest) === 'prose' ? { title: lines[0]!.text, rest: joinLines(rest) } : null;
}

/** @param identity also require letters that survive `titleKey` (see hasLetters). */
function looksLikeTitle(lines: Line[], identity = true, text = joinLines(lines)): boolean {
  if (lines.length > 3) return false;
  if (text.length > TITLE_MAX || !/\p{L}/u.test(text) || (identity && !hasLetters(text)) || /https?:\/\//i.test(text)) return false;
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

/**
 * Layout B: one line of title, one of abstract; further prose lines continue the abstract.
 * Title-shaped lines in a row are page text, except one alone between two records: a paper
 * whose abstract was lost (with a warning).
 */
function parseAlternating(body: Line[], problems: Problems, skipped: SkipCounter, progress: (line: number) => void): RawRecord[] {
  const lines = body.filter((l) => l.text !== '');
  const records: RawRecord[] = [];
  const shapes = lines.map((l) => shapeOf([l]));
  let draft: Draft | null = null;
  const finish = () => {
    if (draft) finishDraft(draft, null, records, problems);
    draft = null;
  };
  const start = (line: Line, error?: string) => {
    finish();
    draft = { title: line.text, line: line.n, paragraphs: [], ...(error ? { error } : {}) };
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    progress(line.n);
    if (shapes[i] === 'prose') {
      if (draft && (draft as Draft).paragraphs.length === 0) (draft as Draft).paragraphs.push(line.text);
      else if (draft) (draft as Draft).paragraphs[0] += ` ${line.text}`;
      else if (shapes[i + 1] === 'prose') start(line, line.text.length > TITLE_BY_POSITION_MAX || !hasLetters(line.text) ? notATitle(line.text) : undefined);
      else problems.push({ line: line.n, severity: 'error', message: notATitle(line.text) });
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && shapes[j] !== 'prose') j++;
    const run = lines.slice(i, j);
    const abstractFollows = j < lines.length;
    const afterRecord = draft !== null || records.length > 0;
    let k = run.length - 1;
    while (k >= 0 && shapes[i + k] === 'other') k--;
    const before = run.slice(0, Math.max(k, 0)).filter((_, m) => shapes[i + m] !== 'other');
    const lost = abstractFollows && afterRecord && before.length === 1 && hasLetters(before[0]!.text) ? before[0] : undefined;
    for (const [m, l] of run.entries()) {
      if (abstractFollows && m === k) start(l, hasLetters(l.text) ? undefined : notATitle(l.text));
      else if (l === lost) {
        problems.push({ line: l.n, severity: 'warning', message: LOST_ABSTRACT(l.text) });
        start(l);
      } else skipped.add([l]);
    }
    i = j;
  }
  finish();
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
