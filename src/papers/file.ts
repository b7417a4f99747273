/**
 * Reading and writing `content/papers/<slug>.md`: YAML frontmatter, then the abstract as
 * the body. Existing files are edited through the YAML document, not regenerated, so a
 * maintainer's extra keys, comments and notes below the abstract stay where they are.
 */
import YAML from 'yaml';
import { PAPER_KEYS, type PaperFields } from './paper.ts';
import { paperSchema } from './schema.ts';

// YAML 1.1 quotes strings such as "2025-10-13" that a 1.1 reader (Astro's) would turn into dates.
const YAML_OPTIONS = { version: '1.1', lineWidth: 0 } as const;

export class PaperFileError extends Error {}

export interface PaperFile {
  doc: YAML.Document;
  fields: PaperFields;
  body: string;
}

export function parsePaperFile(text: string): PaperFile {
  const { doc, data, body } = readFrontmatter(text);
  return { doc, fields: readFields(data), body };
}

/** Splits a paper file into its parsed frontmatter and its raw body; the build's loader uses it too. */
export function readFrontmatter(text: string): { doc: YAML.Document; data: Record<string, unknown>; body: string } {
  // `(?<![\s\S])` is the very start of the file (`^` means any line start under /m): text
  // above the frontmatter would otherwise be dropped when ingest rewrites the file.
  const m = /(?<![\s\S])\uFEFF?---\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m.exec(text);
  if (!m) throw new PaperFileError('no frontmatter: the file must start with a line "---" and close it with another');
  const doc = YAML.parseDocument(m[1]!, YAML_OPTIONS);
  if (doc.errors.length > 0) throw new PaperFileError(`invalid frontmatter: ${doc.errors[0]!.message.split('\n')[0]}`);
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new PaperFileError('frontmatter is not a set of keys');
  return { doc, data: data as Record<string, unknown>, body: text.slice(m[0].length).replace(/^\r?\n/, '') };
}

/** Renders a new paper file; `body` is the abstract, newline-terminated, or empty. */
export function newPaperFile(fields: PaperFields, body: string): string {
  return render(new YAML.Document(orderedFields(fields), { ...YAML_OPTIONS, aliasDuplicateObjects: false }), body);
}

/** Renders an existing file with ingest's fields updated and everything else kept. */
export function updatePaperFile(file: PaperFile, fields: PaperFields, body: string): string {
  const current = file.fields;
  for (const key of PAPER_KEYS) {
    if (JSON.stringify(current[key]) !== JSON.stringify(fields[key]) || !file.doc.has(key)) {
      file.doc.set(key, file.doc.createNode(fields[key], { aliasDuplicateObjects: false }));
    }
  }
  return render(file.doc, body);
}

function render(doc: YAML.Document, body: string): string {
  return `---\n${doc.toString(YAML_OPTIONS)}---\n\n${body}`;
}

function orderedFields(fields: PaperFields): Record<string, unknown> {
  return Object.fromEntries(PAPER_KEYS.map((k) => [k, fields[k]]));
}

/** Validates with the collection's own schema, so ingest and build agree on what is valid. */
function readFields(data: Record<string, unknown>): PaperFields {
  const result = paperSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new PaperFileError(`field "${issue.path.join('.') || '(frontmatter)'}": ${issue.message}`);
  }
  const fields = result.data;
  return Object.fromEntries(PAPER_KEYS.map((k) => [k, fields[k]])) as unknown as PaperFields;
}
