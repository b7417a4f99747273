import { describe, expect, it } from 'vitest';
import { newPaperFile, paperBody, parsePaperFile, PaperFileError, skimArxivId, skimHasAppearance, skimTitleKey, updatePaperFile } from '../../../src/papers/file.ts';
import { paperSchema, type PaperFields } from '../../../src/papers/schema.ts';

/** A paper with the schema's defaults, seen in the listings `files`. */
const paper = (titleKey: string, files: string[]): PaperFields =>
  paperSchema.parse({ title: 'A Title', titleKey, listings: files.map((file, i) => ({ file, captureDate: `2026-01-0${i + 1}`, rank: 1 })) });

describe('reading a paper file', () => {
  it('names every wrong field at once', () => {
    const text = newPaperFile(paper('a title', ['2026-01-01.txt']), '').replace('upvotes: null\nurls', 'upvotes: many\nurls').replace(/^title: .*\n/m, '');
    expect(() => parsePaperFile(text)).toThrow(PaperFileError);
    expect(() => parsePaperFile(text)).toThrow(/^field "title": .*; field "upvotes": .*$/);
  });
});

describe('skimming a paper file agrees with reading it', () => {
  it.each([
    ['an abstract', 'An abstract.\n'],
    ['an abstract and notes', 'An abstract.\n\nMy notes, with a line of dashes:\n---\nand more.\n'],
    ['no body', ''],
  ])('the body (%s) is the reader\'s, with the frontmatter unread', (_, body) => {
    const text = newPaperFile(paper('a title', ['2026-01-01.txt']), body);
    expect(paperBody(text)).toBe(parsePaperFile(text).body);
    expect(paperBody(text)).toBe(body);
    const crlf = text.replace(/\n/g, '\r\n');
    expect(paperBody(crlf)).toBe(parsePaperFile(crlf).body);
  });


  it.each(['a title key', 'diffusion 2', '2048', 'yes', 'e5', 'null', 'one', '1e5 x', 'c + + tricks', 'c # compilers beat c + + compilers', 'tiny agents 🤖', '| piped key', 'x: y'])(
    'title key %j: the reader\'s, or "read it"',
    (key) => {
      const text = newPaperFile(paper(key, ['2026-01-01.txt']), 'An abstract.\n');
      expect(parsePaperFile(text).fields.titleKey).toBe(key);
      const skimmed = skimTitleKey(text);
      if (skimmed !== null) expect(skimmed).toBe(key);
      // The writer's keys of two words or more are always skimmed.
      if (key.includes(' ')) expect(skimmed).toBe(key);
    },
  );

  it('does not take a hand-written number or word YAML reads as something else for a title key', () => {
    expect(skimTitleKey('---\ntitle: T\ntitleKey: 2048\n---\n')).toBeNull();
    expect(skimTitleKey('---\ntitle: T\n---\ntitleKey: in the body\n')).toBeNull();
  });

  it.each(['2026-01-08.txt', '2026-01-08-hf.txt', 'listing #2: yes.txt', '2026-01-08 copy.txt'])('appearance of %j', (file) => {
    const text = newPaperFile(paper('a title key', ['2025-12-31.txt', file]), 'An abstract.\n');
    expect(parsePaperFile(text).fields.listings.map((l) => l.file)).toContain(file);
    expect(skimHasAppearance(text, file)).toBe(true);
    expect(skimHasAppearance(text, 'other.txt')).toBe(false);
  });

  it('finds an appearance only in the frontmatter, also after an update of a hand-indented file', () => {
    const inBody = `${newPaperFile(paper('a title key', ['2025-12-31.txt']), '')}\n  - file: 2026-01-08.txt\n`;
    expect(skimHasAppearance(inBody, '2026-01-08.txt')).toBe(false);
    const handIndented = '---\ntitle: A Title\ntitleKey: a title key\nlistings:\n- file: 2025-12-31.txt\n  captureDate: "2025-12-31"\n  rank: 1\n---\n';
    const updated = updatePaperFile(parsePaperFile(handIndented), paper('a title key', ['2025-12-31.txt', '2026-01-08.txt']), '');
    expect(skimHasAppearance(updated, '2026-01-08.txt')).toBe(true);
  });
});

describe('the arXiv id of a paper file', () => {
  it.each(['2501.01234', '2501.10000', 'hep-th/9901001', 'math.AG/0601001', null])('%j is skimmed as the reader reads it', (arxiv) => {
    const text = newPaperFile({ ...paper('a title key', ['2026-01-01.json']), arxiv }, 'An abstract.\n');
    expect(parsePaperFile(text).fields.arxiv).toBe(arxiv);
    expect(skimArxivId(text)).toBe(arxiv);
  });

  it('is none in a file written before ingest kept ids, and "read it" for what the writer would not write', () => {
    expect(skimArxivId('---\ntitle: T\ntitleKey: t t\n---\n')).toBeNull();
    expect(skimArxivId("---\ntitle: T\narxiv: '2501.01234'\n---\n")).toBeUndefined();
    expect(skimArxivId('---\ntitle: T\narxiv: 2501.01234\n---\n')).toBeUndefined();
  });

  it('must be quoted when written by hand: YAML would read 2501.01230 as a number', () => {
    const text = newPaperFile(paper('a title key', ['2026-01-01.txt']), '').replace('arxiv: null', 'arxiv: 2501.01230');
    expect(() => parsePaperFile(text)).toThrow(/field "arxiv": expected an arXiv identifier without version, in quotes/);
    expect(() => parsePaperFile(text.replace('arxiv: 2501.01230', 'arxiv: "2501.01230v2"'))).toThrow(/field "arxiv"/);
  });

  it('and the other keys ingest began to own later go in their place once they have a value', () => {
    const older = '---\ntitle: A Title\ntitleKey: a title key\n# mine\nauthorsCount: null\norg: null\nurls: []\nmyNote: keep\nlistings:\n  - file: 2026-01-01.txt\n    captureDate: "2026-01-01"\n    rank: 1\n---\n\nBody.\n';
    const fields = { ...paper('a title key', ['2026-01-01.txt', '2026-01-02.json']), arxiv: '2501.01234', authors: ['Zoë Ångström'], github: 'https://github.com/a/b' };
    const updated = updatePaperFile(parsePaperFile(older), fields, 'Body.\n');
    const keys = [...updated.matchAll(/^(\w+):/gm)].map((m) => m[1]);
    // projectPage, published, publishedText and upvotes are still null: absent means the same.
    expect(keys).toEqual(['title', 'titleKey', 'arxiv', 'authors', 'authorsCount', 'org', 'urls', 'github', 'topics', 'autoTopics', 'myNote', 'listings']);
    expect(updated).toContain('# mine\n');
    expect(parsePaperFile(updated).fields).toMatchObject({ arxiv: '2501.01234', authors: ['Zoë Ångström'], github: 'https://github.com/a/b', myNote: 'keep' });
  });
});
