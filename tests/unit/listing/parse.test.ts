import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseListing } from '../../../src/listing/parse.ts';
import { readListing } from '../../../src/listing/read.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/listings/${name}`, import.meta.url), 'utf8');

describe('layout A: records with metadata', () => {
  const listing = readListing('x.txt', fixture('layout-a.txt'));

  it('is recognised, with the page date and every record', () => {
    expect(listing.layout).toBe('A');
    expect(listing.records.map((r) => r.title)).toEqual([
      'Sparse Mixture of Experts at Scale',
      'GLM Tricks: A Report',
      'A Lone Author Paper',
      'A Paper Without Metadata',
      'Last Paper, Dated in 2024',
    ]);
  });

  it('infers the capture year from the latest explicit year, with a warning', () => {
    expect(listing.captureDate).toBe('2026-01-08');
    expect(listing.captureDateSource).toBe('inferred');
    expect(listing.problems.some((p) => p.severity === 'warning' && /inferred/.test(p.message))).toBe(true);
  });

  it('reads authors, dates and upvotes', () => {
    const [first] = listing.records;
    expect(first).toMatchObject({ authorsCount: 5, org: null, publishedText: 'Oct 13, 2025', published: '2025-10-13', upvotes: 2 });
  });

  it('reads an organisation line and tells `Jan 3 1` from `Jan 31`', () => {
    expect(listing.records[1]).toMatchObject({ authorsCount: null, org: { id: 'zai-org', name: 'Z.ai' }, publishedText: 'Jan 3', published: '2026-01-03', upvotes: 1 });
    expect(listing.records[2]).toMatchObject({ authorsCount: 1, publishedText: 'Jan 31', upvotes: null });
  });

  it('reads a yearless date that would fall after the capture as last year, and says so', () => {
    expect(listing.records[2]!.published).toBe('2025-01-31');
    expect(listing.problems.some((p) => /Jan 31/.test(p.message) && p.line === 35)).toBe(true);
  });

  it('leaves metadata null for a record that has none', () => {
    expect(listing.records[3]).toMatchObject({ abstract: 'Its abstract is followed directly by the next title.', authorsCount: null, org: null, published: null, upvotes: null });
  });

  it('collects cleaned URLs, scheme-less hosts included, placeholders dropped', () => {
    expect(listing.records[0]!.urls).toEqual(['https://github.com/example/smoe']);
    expect(listing.records[1]!.urls).toEqual(['https://hf.co/zai-org/GLM-4']);
  });

  it('records the line of each title', () => {
    expect(listing.records.map((r) => r.line)).toEqual([13, 21, 29, 37, 41]);
  });
});

describe('layout B: compact alternating lines', () => {
  const parsed = parseListing(fixture('layout-b.txt'));
  it('unglues the first title from "Subscribe" and pairs titles with abstracts', () => {
    expect(parsed.layout).toBe('B');
    expect(parsed.pageDate).toBeNull();
    expect(parsed.records.map((r) => [r.title, r.abstract])).toEqual([
      ['MedVision: Layers for Segmentation', 'Large language models are explored for medical image segmentation.'],
      ['LayerCake: Token-Aware Contrastive Decoding', 'Large language models excel at understanding but remain vulnerable to factual errors.'],
      ['Third Title', 'Third abstract.'],
    ]);
  });
  it('cannot infer a capture date without any date, and tells how to state one', () => {
    expect(() => readListing('x.txt', fixture('layout-b.txt'))).toThrow(/--date YYYY-MM-DD/);
    expect(readListing('2025-07-26.txt', fixture('layout-b.txt')).captureDateSource).toBe('filename');
    expect(readListing('x.txt', fixture('layout-b.txt'), '2025-07-30').captureDate).toBe('2025-07-30');
  });
});

describe('layout C: title and abstract blocks', () => {
  const parsed = parseListing(fixture('layout-c.txt'));
  it('is recognised, and a Title Case title ending in dots is still a title', () => {
    expect(parsed.layout).toBe('C');
    expect(parsed.pageDate).toMatchObject({ month: 3, day: 11 });
    expect(parsed.records).toHaveLength(2);
    expect(parsed.records[1]!.title).toMatch(/^Attention is All You Need\?.*or \.\.\.\.$/);
    expect(parsed.records[1]!.abstract).toBe('This paper presents a way of doing large scale audio understanding.');
  });
});

describe('capture variations', () => {
  it('reads CRLF, a BOM, trailing whitespace, tabs and non-breaking spaces like the clean file', () => {
    const clean = parseListing(fixture('layout-a.txt'));
    const messy = fixture('layout-a.txt')
      .split('\n')
      .map((l) => l.replace('  • 5 authors', '\u00a0\u00a0•\t5\u00a0authors').replace('Oct 13, 2025 2', 'Oct\u00a013,\t2025\u00a02') + '  ')
      .join('\r\n');
    const parsed = parseListing(`\uFEFF${messy}`);
    expect(parsed.records).toEqual(clean.records);
  });

  it('joins wrapped titles and hard-wrapped abstracts, keeps paragraphs, and allows a missing abstract', () => {
    const parsed = parseListing(fixture('wrapped.txt'));
    expect(parsed.records.map((r) => r.title)).toEqual([
      'A Title That a Capture Tool Wrapped Over Two Lines',
      'A Paper Whose Abstract Was Lost',
      'A Third Paper',
    ]);
    expect(parsed.records[0]!.abstract).toBe(
      'An abstract hard-wrapped at a narrow width, with a hyphen-ated word, and a second line.\n\nA second paragraph of the same abstract ends here.',
    );
    expect(parsed.records[1]!.abstract).toBeNull();
  });

  it('keeps HTML-looking text literally', () => {
    const parsed = parseListing(fixture('wrapped.txt'));
    expect(parsed.records[2]!.abstract).toBe('Its abstract <b>looks</b> like HTML: <script>alert(1)</script> & stays text.');
  });

  it('reads a listing with no header at all', () => {
    const body = fixture('layout-a.txt').split('\n').slice(10).join('\n');
    const parsed = parseListing(body);
    expect(parsed.layout).toBe('A');
    expect(parsed.records).toHaveLength(5);
  });

  it('accepts "1 author" as well as "1 authors"', () => {
    const parsed = parseListing('Title One\n\nAbstract one.\n\n  • 1 author\n·\nMay 2, 2024\n');
    expect(parsed.records[0]!.authorsCount).toBe(1);
  });
});

describe('records that cannot be read', () => {
  const listing = readListing('2026-01-08.txt', fixture('broken-records.txt'));
  it('are reported with their line and the rest still parse', () => {
    expect(listing.records.map((r) => r.title)).toEqual(['A Good First Paper', 'A Good Last Paper']);
    const errors = listing.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.line)).toEqual([13, 15]);
    expect(errors[0]!.message).toMatch(/expected a paper title/);
  });
  it('keep an impossible date out of the published field, with a warning', () => {
    expect(listing.records[1]).toMatchObject({ publishedText: 'Feb 30, 2025', published: null, upvotes: 7 });
    expect(listing.problems.some((p) => p.severity === 'warning' && p.line === 25)).toBe(true);
  });
  it('include a title whose letters all normalise away, which would leave the paper no identity', () => {
    // U+FF9E (halfwidth sound mark) is a letter, but NFKD turns it into a combining mark.
    const text = ['Daily Papers', '', 'A Good Paper', '', 'Its abstract.', '', '  • 2 authors', '·', 'Jan 2, 2026', '', '\uff9e', '', 'An abstract.', '', '  • 3 authors', '·', 'Jan 3, 2026', ''].join('\n');
    const read = readListing('2026-01-08.txt', text);
    expect(read.records.map((r) => r.title)).not.toContain('\uff9e');
    expect(read.records[0]!.title).toBe('A Good Paper');
    expect(read.problems.find((p) => p.severity === 'error')).toMatchObject({ line: 11, message: expect.stringMatching(/expected a paper title/) });
  });
});

describe('garbled metadata', () => {
  const listing = readListing('2026-03-04.txt', fixture('garbled-metadata.txt'));
  const byTitle = new Map(listing.records.map((r) => [r.title, r]));
  const warningAt = (line: number) => listing.problems.find((p) => p.line === line && p.severity === 'warning')?.message;

  it('never turns an unreadable authors line into a paper of its own', () => {
    expect(listing.records.map((r) => r.title)).toEqual([
      'A Paper With A Garbled Author Count',
      'A Paper With A Garbled Date',
      'A Paper Signed By A Collaboration',
      'A Paper Whose Date Line Is Missing',
      'A Good Last Paper',
    ]);
    // The paper keeps the date and upvotes below the garbled line, and the line is reported.
    expect(byTitle.get('A Paper With A Garbled Author Count')).toMatchObject({ authorsCount: null, publishedText: 'Mar 3', upvotes: 4 });
    expect(warningAt(9)).toMatch(/unreadable authors or organisation line "• many authors"/);
  });

  it('reports an unreadable date line instead of reading it as an organisation', () => {
    expect(byTitle.get('A Paper With A Garbled Date')).toMatchObject({ authorsCount: 3, org: null, published: null, upvotes: null });
    expect(warningAt(19)).toMatch(/unreadable date line "Mar 45 4"/);
  });

  it('reads author counts with thousands separators', () => {
    expect(byTitle.get('A Paper Signed By A Collaboration')).toMatchObject({ authorsCount: 1024, upvotes: 7 });
  });

  it('warns when the date line after "·" is missing', () => {
    expect(byTitle.get('A Paper Whose Date Line Is Missing')).toMatchObject({ authorsCount: 2, published: null, upvotes: null });
    expect(warningAt(34)).toMatch(/no date line/);
    expect(byTitle.get('A Good Last Paper')).toMatchObject({ org: { id: 'zai-org', name: 'Z.ai' }, upvotes: 9 });
  });
});

describe('a file name that looks dated but is not a real date', () => {
  it('is ignored with a warning that says why, and the date comes from elsewhere', () => {
    const listing = readListing('2026-13-40.txt', fixture('layout-a.txt'), '2026-01-08');
    expect(listing.captureDate).toBe('2026-01-08');
    expect(listing.problems.find((p) => p.line === null)?.message).toMatch(/starts with 2026-13-40, which is not a real date/);
  });
});

describe('page chrome: lines that stand where no paper can', () => {
  const NAV = ['Hugging Face', 'Models', 'Datasets', 'Spaces', 'Docs', 'Enterprise', 'Pricing', 'Log In', 'Sign Up'];
  const FOOTER = ['System theme', 'Company', 'TOS', 'Privacy', 'About', 'Jobs', 'Website', 'Models', 'Datasets', 'Spaces', 'Pricing', 'Docs'];

  it('are skipped and counted in layout B, before the header and after the last record', () => {
    const text = [...NAV, ...fixture('layout-b.txt').trimEnd().split('\n'), ...FOOTER].join('\n');
    const parsed = parseListing(text);
    expect(parsed.layout).toBe('B');
    expect(parsed.records.map((r) => r.title)).toEqual(['MedVision: Layers for Segmentation', 'LayerCake: Token-Aware Contrastive Decoding', 'Third Title']);
    expect(parsed.skipped.lines).toBe(NAV.length + FOOTER.length);
    expect(parsed.problems).toEqual([]);
  });

  it('are skipped and counted in layout C, while one title alone between two records is a paper that lost its abstract', () => {
    const text = [...NAV, '', fixture('layout-c.txt').trimEnd(), '', 'A Paper Whose Abstract Was Lost', '', 'A Last Paper', '', 'Its abstract.', '', ...FOOTER].join('\n');
    const parsed = parseListing(text);
    expect(parsed.layout).toBe('C');
    expect(parsed.records.map((r) => [r.title, r.abstract])).toEqual([
      ['Neural Snowflakes: Universal Latent Graph Inference', 'The inductive bias of a graph neural network is encoded in its graph.'],
      ['Attention is All You Need? Good Embeddings are Enough: Audio Understanding without Transformers or ....', 'This paper presents a way of doing large scale audio understanding.'],
      ['A Paper Whose Abstract Was Lost', null],
      ['A Last Paper', 'Its abstract.'],
    ]);
    expect(parsed.skipped.lines).toBe(NAV.length + FOOTER.length);
    expect(parsed.problems).toEqual([{ line: expect.any(Number), severity: 'warning', message: expect.stringMatching(/^"A Paper Whose Abstract Was Lost" has no abstract/) }]);
  });

  it('two or more title-shaped lines in a row with no abstract are page text, not papers', () => {
    const parsed = parseListing(['Mar 11', '', 'First Paper', '', 'Its abstract.', '', 'Submitted by', '', 'alice', '', 'Second Paper', '', 'Its abstract too.'].join('\n'));
    expect(parsed.records.map((r) => r.title)).toEqual(['First Paper', 'Second Paper']);
    expect(parsed.skipped).toEqual({ lines: 2, spans: [{ from: 7, to: 9 }] });
  });

  it('in layout A, never take a record\'s metadata: the lines between abstract and authors are skipped', () => {
    const parsed = parseListing(['Jan 8', '', 'First Paper', '', 'Its abstract.', '', 'Submitted by', 'alice', '  • 2 authors', '·', 'Jan 2, 2026 5', '', 'Second Paper', '', 'Its abstract too.', '', 'Submitted by', '', 'bob', '', 'org-x Org X', '·', 'Jan 3, 2026'].join('\n'));
    expect(parsed.records.map((r) => [r.title, r.authorsCount, r.org?.id ?? null, r.upvotes])).toEqual([
      ['First Paper', 2, null, 5],
      ['Second Paper', null, 'org-x', null],
    ]);
    expect(parsed.skipped.lines).toBe(4);
  });

  it('in layout A, a title hundreds of characters long is a title because of where it stands', () => {
    const long = `A ${'Very '.repeat(100)}Long Title, Followed by Its Abstract`;
    const parsed = parseListing(['Jan 8', '', 'First Paper', '', 'Its abstract.', '', '  • 2 authors', '·', 'Jan 2, 2026', '', long, '', 'Its own abstract, which follows it.', '', '  • 3 authors', '·', 'Jan 3, 2026'].join('\n'));
    expect(long.length).toBeGreaterThan(500);
    expect(parsed.records.map((r) => [r.title, r.authorsCount])).toEqual([['First Paper', 2], [long, 3]]);
    expect(parsed.problems).toEqual([]);
  });

  it('known header lines and the page date are not counted as skipped', () => {
    expect(parseListing(fixture('layout-a.txt')).skipped).toEqual({ lines: 0, spans: [] });
  });
});

describe('text that cannot appear in XML or HTML', () => {
  it('is removed from titles and abstracts; vertical tab and form feed read as spaces', () => {
    const parsed = parseListing('Mar 11\n\nA\x0BTitle \x1B[1mBold\x1B[0m\uFFFE\n\nAn\x0Cabstract\x07 \uFDD0with \x7F\x85noise.\n');
    expect(parsed.records[0]).toMatchObject({ title: 'A Title [1mBold[0m', abstract: 'An abstract with noise.' });
  });
});
