/**
 * The paper file format, `content/papers/<slug>.md`: YAML frontmatter, then the abstract as
 * the body. The one reader of it (ingest, the build's loader, the search index and the topic
 * evaluation all read through parsePaperFile) and its writer. Existing files are edited
 * through the YAML document, not regenerated, so a maintainer's extra keys, comments and
 * notes below the abstract stay where they are.
 */
import YAML from 'yaml';
import type { z } from 'astro/zod';
import { PAPER_KEYS, paperSchema, type PaperData, type PaperFields } from './schema.ts';

// YAML 1.1 quotes strings such as "2025-10-13" that a 1.1 reader (Astro's) would turn into dates.
const YAML_OPTIONS = { version: '1.1', lineWidth: 0 } as const;

/** A file that cannot be read; the message says what is wrong (every wrong field), not where. */
export class PaperFileError extends Error {}

export interface PaperFile {
  doc: YAML.Document;
  /** The frontmatter as validated: ingest's fields and the maintainer's own keys. */
  fields: PaperData;
  body: string;
}

/** Reads and validates a paper file with the collection's own schema, so ingest and build agree on what is valid. */
export function parsePaperFile(text: string): PaperFile {
  const { doc, data, body } = readFrontmatter(text);
  const result = paperSchema.safeParse(data);
  if (!result.success) throw new PaperFileError(describeIssues(result.error.issues));
  return { doc, fields: result.data, body };
}

/** `field "upvotes": expected number, received string; field "title": …`: every wrong field at once. */
function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues.map((issue) => `field "${issue.path.join('.') || '(frontmatter)'}": ${issue.message}`).join('; ');
}

/** Splits a paper file into its parsed, not yet validated, frontmatter and its raw body. */
export function readFrontmatter(text: string): { doc: YAML.Document; data: Record<string, unknown>; body: string } {
  const m = FRONTMATTER.exec(text);
  if (!m) throw new PaperFileError('no frontmatter: the file must start with a line "---" and close it with another');
  const doc = YAML.parseDocument(m[1]!, YAML_OPTIONS);
  if (doc.errors.length > 0) throw new PaperFileError(`invalid frontmatter: ${doc.errors[0]!.message.split('\n')[0]}`);
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // A YAML alias bomb ("billion laughs"): the reader refuses to expand it.
    if (error instanceof ReferenceError) throw new PaperFileError(`the frontmatter's YAML aliases expand too far (${error.message}); write the values out instead of using aliases`);
    throw error;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new PaperFileError('frontmatter is not a set of keys');
  return { doc, data: data as Record<string, unknown>, body: bodyAfter(text, m) };
}

// `(?<![\s\S])` is the very start of the file (`^` means any line start under /m): text
// above the frontmatter would otherwise be dropped when ingest rewrites the file.
const FRONTMATTER = /(?<![\s\S])\uFEFF?---\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m;

function bodyAfter(text: string, frontmatter: RegExpExecArray): string {
  return text.slice(frontmatter[0].length).replace(/^\r?\n/, '');
}

/** A paper file's body, as parsePaperFile gives it, without reading its frontmatter; '' if it has none. */
export function paperBody(text: string): string {
  const m = FRONTMATTER.exec(text);
  return m ? bodyAfter(text, m) : '';
}

/** Renders a new paper file; `body` is the abstract, newline-terminated, or empty. */
export function newPaperFile(fields: PaperFields, body: string): string {
  const ordered = Object.fromEntries(PAPER_KEYS.map((k) => [k, fields[k]]));
  return render(new YAML.Document(ordered, { ...YAML_OPTIONS, aliasDuplicateObjects: false }), body);
}

/** Renders an existing file with ingest's fields updated and everything else kept. */
export function updatePaperFile(file: PaperFile, fields: PaperFields, body: string): string {
  for (const [i, key] of PAPER_KEYS.entries()) {
    const value = file.doc.createNode(fields[key], { aliasDuplicateObjects: false });
    if (!file.doc.has(key)) {
      // An absent key reads as null: writing `arxiv: null` into every older file would change
      // thousands of files for nothing the next time the taxonomy changes.
      if (fields[key] !== null) insertAfter(file.doc, PAPER_KEYS.slice(0, i), key, value);
    } else if (JSON.stringify(file.fields[key]) !== JSON.stringify(fields[key])) file.doc.set(key, value);
  }
  return render(file.doc, body);
}

/**
 * A key the file lacks (one ingest began to own after the file was written) goes after the
 * last of the keys before it that the file has, so every file lists them in one order.
 */
function insertAfter(doc: YAML.Document, earlier: readonly string[], key: string, value: YAML.Node): void {
  const map = doc.contents;
  if (!YAML.isMap(map)) return void doc.set(key, value);
  const index = map.items.findLastIndex((pair) => YAML.isScalar(pair.key) && earlier.includes(String(pair.key.value)));
  map.items.splice(index + 1, 0, doc.createPair(key, value));
}

function render(doc: YAML.Document, body: string): string {
  return `---\n${doc.toString(YAML_OPTIONS)}---\n\n${body}`;
}

/*
 * Skimming: what ingest must know of every file in the folder before it knows which papers a
 * run touches. Reading a file costs ~250 µs (7.5 s at 30,000 papers, against a 2 s target for
 * ingesting one more day); a skim costs ~1 µs. A skim recognises only the lines this module
 * writes and answers "don't know" (null, false) for anything else, so the caller reads the file.
 */

// A title key as the writer leaves it: plain, when it starts with a letter or digit and has no
// `#` (a comment after a space); otherwise double-quoted, which without a backslash is literal.
// Only keys of two words or more are taken plain: no YAML 1.1 number, boolean or null has a
// space, so these are certainly read back as strings.
const PLAIN_TITLE_KEY = /^titleKey: ([\p{L}\p{N}][\p{L}\p{N}\p{Sm}\p{Sc}\p{So}]*(?: [\p{L}\p{N}\p{Sm}\p{Sc}\p{So}]+)+)$/mu;
const QUOTED_TITLE_KEY = /^titleKey: "([^"\\\n]+)"$/m;

/** The title key the writer wrote, or null if the file must be read to know it. */
export function skimTitleKey(text: string): string | null {
  const frontmatter = frontmatterText(text);
  return (PLAIN_TITLE_KEY.exec(frontmatter) ?? QUOTED_TITLE_KEY.exec(frontmatter))?.[1] ?? null;
}

/** The body (abstract and notes) of a file as the writer lays it out, without reading its YAML; '' if none. */
export function skimBody(text: string): string {
  const end = text.indexOf('\n---\n', 3);
  return text.startsWith('---\n') && end !== -1 ? text.slice(end + 5).replace(/^\n/, '') : '';
}

// The arXiv line as the writer leaves it: a quoted new-style id, a plain old-style one, or null.
const WRITTEN_ARXIV = /^arxiv: (?:"(\d{4}\.\d{4,5})"|([a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7})|null)$/m;
const ANY_ARXIV_KEY = /^["']?arxiv["']?[ \t]*:/m;

/**
 * The arXiv id the writer wrote; null when the file has none (no `arxiv` key: a file written
 * before ingest owned it, or `arxiv: null`); undefined if the file must be read to know.
 */
export function skimArxivId(text: string): string | null | undefined {
  const front = frontmatterText(text);
  if (front === '') return undefined;
  const m = WRITTEN_ARXIV.exec(front);
  if (m) return m[1] ?? m[2] ?? null;
  return ANY_ARXIV_KEY.test(front) ? undefined : null;
}

/** True when the file's appearances include the listing `file`, as the writer writes it; false: read the file to know. */
export function skimHasAppearance(text: string, file: string): boolean {
  return frontmatterText(text).includes(`\n${appearanceLine(file)}\n`);
}

const appearanceLines = new Map<string, string>();

/** `  - file: 2026-01-08.txt`: the first line of an appearance, exactly as the writer renders it. */
function appearanceLine(file: string): string {
  let line = appearanceLines.get(file);
  if (line === undefined) {
    line = YAML.stringify({ listings: [{ file }] }, YAML_OPTIONS).split('\n')[1]!;
    appearanceLines.set(file, line);
  }
  return line;
}

/** The frontmatter's lines, from the opening `---` to the line before the closing one; '' if none. */
function frontmatterText(text: string): string {
  const end = text.indexOf('\n---', 3);
  return text.startsWith('---\n') && end !== -1 ? text.slice(3, end + 1) : '';
}
