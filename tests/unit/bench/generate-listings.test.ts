/** The benchmark's synthetic listings: real layouts the real parser reads back exactly. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readListing } from '../../../src/listing/read.ts';
import { titleKey } from '../../../src/listing/title-key.ts';
import { createListingGenerator, generateCorpus, type GeneratedListing } from '../../../bench/generate-listings.ts';

const withoutLine = ({ line: _line, ...record }: { line: number | null }) => record;

/** What the real parser makes of a generated listing, in the generator's terms. */
function parsedBack(listing: GeneratedListing) {
  const parsed = readListing(listing.file, listing.text);
  return {
    layout: parsed.layout,
    captureDate: parsed.captureDate,
    problems: parsed.problems,
    records: parsed.records.map(withoutLine),
  };
}

const expected = (listing: GeneratedListing) => ({ layout: listing.layout, captureDate: listing.captureDate, problems: [], records: listing.records });

describe('a 1,000-paper corpus', () => {
  const { listings } = generateCorpus(1000, { seed: 1 });
  const records = listings.flatMap((l) => l.records);

  it('parses back, listing by listing, to exactly the records generated', () => {
    for (const listing of listings) expect(parsedBack(listing), listing.file).toEqual(expected(listing));
  });

  it('holds exactly 1,000 distinct papers in files of about 50 records named by capture date', () => {
    expect(new Set(records.map((r) => titleKey(r.title))).size).toBe(1000);
    expect(listings.length).toBeGreaterThanOrEqual(20);
    expect(listings.length).toBeLessThanOrEqual(22);
    for (const listing of listings.slice(0, -1)) expect(listing.records).toHaveLength(50);
    for (const listing of listings) expect(listing.file).toBe(`${listing.captureDate}.txt`);
    expect(new Set(listings.map((l) => l.captureDate)).size).toBe(listings.length);
  });

  it('mixes all three layouts', () => {
    expect(new Set(listings.map((l) => l.layout))).toEqual(new Set(['A', 'B', 'C']));
  });

  it('shows about 5% of papers again on a later day, with the same title and abstract', () => {
    const firstSeen = new Map<string, { date: string; abstract: string | null }>();
    let repeats = 0;
    for (const listing of listings) {
      for (const record of listing.records) {
        const first = firstSeen.get(record.title);
        if (!first) {
          firstSeen.set(record.title, { date: listing.captureDate, abstract: record.abstract });
          continue;
        }
        repeats++;
        expect(first.date < listing.captureDate).toBe(true);
        expect(record.abstract).toBe(first.abstract);
      }
    }
    expect(repeats / records.length).toBeGreaterThan(0.03);
    expect(repeats / records.length).toBeLessThan(0.08);
  });

  it('has a long tail of rare words, as real abstracts do (9,357 distinct words in 566 papers)', () => {
    const words = new Set(records.flatMap((r) => `${r.title} ${r.abstract}`.toLowerCase().match(/\p{L}[\p{L}\d-]*/gu) ?? []));
    expect(words.size).toBeGreaterThan(6000);
  });

  it('keeps titles and abstracts within the lengths of real captures', () => {
    for (const { title, abstract } of records) {
      expect(title.length).toBeGreaterThanOrEqual(22);
      expect(title.length).toBeLessThanOrEqual(213);
      expect(abstract!.length).toBeGreaterThanOrEqual(475);
      expect(abstract!.length).toBeLessThanOrEqual(1920);
    }
  });

  it('has the metadata variety of real captures: authors or orgs, yearless dates, upvotes, URLs', () => {
    const share = (test: (r: (typeof records)[number]) => boolean) => records.filter(test).length / records.length;
    expect(share((r) => r.authorsCount !== null)).toBeGreaterThan(0.3);
    expect(share((r) => r.org !== null)).toBeGreaterThan(0.01);
    expect(share((r) => r.publishedText !== null && !r.publishedText.includes(','))).toBeGreaterThan(0.1);
    expect(share((r) => r.publishedText?.includes(',') ?? false)).toBeGreaterThan(0.05);
    expect(share((r) => r.upvotes !== null)).toBeGreaterThan(0.1);
    expect(share((r) => r.urls.length > 0)).toBeGreaterThan(0.15);
    expect(share((r) => r.urls.length > 1)).toBeGreaterThan(0.01);
  });
});

describe('the generator', () => {
  it('parses back exactly for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const generator = createListingGenerator({ seed, startDate: '2025-12-28' });
        for (let day = 0; day < 4; day++) {
          const listing = generator.nextDay();
          expect(parsedBack(listing)).toEqual(expected(listing));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('gives the same listings for the same seed and different ones for another', () => {
    const texts = (seed: number) => generateCorpus(120, { seed }).listings.map((l) => l.text);
    expect(texts(7)).toEqual(texts(7));
    expect(texts(8)).not.toEqual(texts(7));
  });

  it('continues a corpus with one more day of mostly new papers', () => {
    const { listings, generator } = generateCorpus(200, { seed: 3 });
    const next = generator.nextDay();
    expect(next.captureDate > listings.at(-1)!.captureDate).toBe(true);
    expect(next.records).toHaveLength(50);
    expect(next.newPapers).toBeGreaterThan(40);
    expect(generator.distinctPapers).toBe(200 + next.newPapers);
  });
});
