/**
 * Captures saved the way people save pages: the site's navigation above the header, "Submitted
 * by" and a user name above the authors line, the footer after the last record, a title several
 * hundred characters long, control characters. Through the real CLI: only the papers become
 * papers, each with its own metadata, and the rest is skipped and counted.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtures, frontmatter, ingest, papersIn, read, scratch } from '../support/ingest-cli.ts';

// A realistic record around the control characters: a few in a page of text is damage, not binary data.
const PADDING = `A Paper Around Them\n\n${'An ordinary abstract sentence about models and data. '.repeat(12)}\n`;

const LONG_TITLE =
  'Towards a Unified Account of Sparse Routing, Load Balancing and Expert Specialisation in Mixture-of-Experts Language Models: Theory, Large-Scale Experiments Across Twelve Model Families, Ablations of Every Routing Choice We Could Think Of, and Practical Recommendations for Practitioners Who Train Such Models Under Tight Compute Budgets on Commodity Accelerators Without Specialised Interconnects or Fast Storage';

describe('a capture with the page chrome before, inside and after the records', () => {
  it('yields exactly its five papers, each with its own metadata, and counts the skipped page text', async () => {
    const papers = scratch();
    const run = await ingest(['--papers-dir', papers, '--date', '2026-01-08', join(fixtures, 'page-chrome.txt')]);
    expect(run.code, run.stdout).toBe(0);
    const titles = papersIn(papers).map((n) => frontmatter(read(papers, n)).title).sort();
    expect(titles).toEqual(['A Paper Without Metadata', 'GLM Tricks: A Report', 'Last Paper Before the Footer', 'Sparse Mixture of Experts at Scale', LONG_TITLE].sort());

    const byTitle = new Map(papersIn(papers).map((n) => [frontmatter(read(papers, n)).title, frontmatter(read(papers, n))]));
    expect(byTitle.get('Sparse Mixture of Experts at Scale')).toMatchObject({ authorsCount: 5, publishedText: 'Jan 6', upvotes: 12 });
    expect(byTitle.get(LONG_TITLE)).toMatchObject({ authorsCount: 3, publishedText: 'Jan 7', upvotes: 4 });
    expect(byTitle.get('GLM Tricks: A Report')).toMatchObject({ org: { id: 'zai-org', name: 'Z.ai' }, upvotes: 1 });
    expect(byTitle.get('A Paper Without Metadata')).toMatchObject({ authorsCount: null, org: null, publishedText: null, upvotes: null });
    expect(byTitle.get('Last Paper Before the Footer')).toMatchObject({ authorsCount: 2, publishedText: 'Dec 2, 2025', upvotes: 7 });

    // Navigation (11 lines), "Previous"/"Next" (2), four "Submitted by" + user (8), footer (12).
    expect(run.stdout).toMatch(/page-chrome\.txt: layout A, captured 2026-01-08 \(option\), 5 records, 33 lines of page text skipped \(lines 1-12, 26-27, 33-34, 44-45, 54-56, 70-71, 76-89\)/);
    expect(run.stdout).toMatch(/Warnings: 0\nErrors: 0/);
  });

  it('lists the skipped lines in --dry-run --json', async () => {
    const run = await ingest(['--dry-run', '--json', '--date', '2026-01-08', join(fixtures, 'page-chrome.txt')]);
    const listing = JSON.parse(run.stdout).listings[0];
    expect(listing.records).toHaveLength(5);
    expect(listing.skipped.lines).toBe(33);
    expect(listing.skipped.spans[0]).toEqual({ from: 1, to: 12 });
    expect(listing.skipped.spans.at(-1)).toEqual({ from: 76, to: 89 });
  });
});

describe('text that cannot appear in XML or HTML', () => {
  it('is removed from titles and abstracts at ingest', async () => {
    const dir = scratch();
    const listing = join(dir, '2026-02-01.txt');
    writeFileSync(listing, `Feb 1\n\nVertical\x0BTab and \x1B[31mEscape\x1B[0m in a Title\uFFFE\n\nAn abstract with a form\x0Cfeed, a NUL-free \x07bell and a noncharacter \uFFFF.\n\n${PADDING}`);
    const papers = join(dir, 'papers');
    const run = await ingest(['--papers-dir', papers, listing]);
    expect(run.code, run.stdout).toBe(0);
    const name = papersIn(papers).find((n) => n.startsWith('vertical'))!;
    const text = read(papers, name);
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/);
    expect(frontmatter(text).title).toBe('Vertical Tab and [31mEscape[0m in a Title');
  });
});
