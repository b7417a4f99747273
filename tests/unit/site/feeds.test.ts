import { describe, expect, it } from 'vitest';
import { toPaperView, type PaperView, type PaperViewInput } from '../../../src/papers/view.ts';
import { buildDigests, dayPagePath, placesByPaper, rowId, topicCounts, upvoteTrend } from '../../../src/site/digests.ts';
import { dayFeedItem, feedPapers, paperFeedItem, type FeedContext } from '../../../src/site/feeds.ts';
import { elements } from '../../support/html-dom.ts';

/** A paper listed on the given days, at the given rank and upvotes each day. */
function paper(slug: string, listings: Array<[day: string, rank: number, upvotes?: number]>, topics: string[] = ['vision'], published: string | null = '2019-01-01'): PaperView {
  const data = {
    title: `Paper <${slug}> & co`,
    titleKey: slug,
    authorsCount: null,
    org: null,
    published,
    publishedText: null,
    upvotes: null,
    urls: [],
    topics,
    listings: listings.map(([captureDate, rank, upvotes]) => ({ file: `${captureDate}.txt`, captureDate, rank, upvotes: upvotes ?? null })),
    arxiv: null,
    authors: null,
    github: null,
    projectPage: null,
  } as PaperViewInput['data'];
  return toPaperView({ slug, body: `Abstract of ${slug}. ${'More words. '.repeat(80)}`, data });
}

const site: FeedContext = { url: (path) => `https://digest.example.org/sub/${path}`, topicName: (slug) => ({ vision: 'Computer vision', efficiency: 'Efficient training' })[slug] ?? slug };

describe('paper feeds', () => {
  // Five days; day 5 has 60 papers: a feed capped at the 50 newest would drop some of them.
  const days = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05'];
  const bigDay = Array.from({ length: 60 }, (_, i) => paper(`big-${String(i).padStart(2, '0')}`, [[days[4]!, i + 1]]));
  const oldRelisted = paper('old-relisted', [[days[0]!, 3], [days[4]!, 61]], ['vision'], '2018-03-09');
  const older = Array.from({ length: 5 }, (_, i) => paper(`older-${i}`, [[days[i % 4]!, 1]]));
  const papers = [...bigDay, oldRelisted, ...older];
  const digests = buildDigests(papers);

  it('hold every paper listed on the latest days, however many a day has, newest first-listed first, in the day\'s order', () => {
    const feed = feedPapers(papers, digests, { days: 1, minItems: 10 });
    expect(feed.map((p) => p.slug)).toEqual([...bigDay.map((p) => p.slug), 'old-relisted']);
  });

  it('are topped up with older papers when the latest days have few', () => {
    const few = papers.filter((p) => !p.slug.startsWith('big-'));
    // old-relisted is in (listed on the latest day); the three papers first listed most recently fill up to four.
    const feed = feedPapers(few, digests, { days: 1, minItems: 4 });
    expect(feed.map((p) => p.slug)).toEqual(['older-3', 'older-2', 'older-1', 'old-relisted']);
  });

  it('give each paper its link, the day first listed, the start of its abstract and its topics', () => {
    const item = paperFeedItem(paper('p', [['2026-01-05', 1], ['2026-01-03', 2]], ['vision', 'efficiency']), site);
    expect(item.link).toBe('https://digest.example.org/sub/papers/p/');
    expect(item.pubDate.toISOString()).toBe('2026-01-03T12:00:00.000Z');
    expect(item.categories).toEqual(['Computer vision', 'Efficient training']);
    expect(item.description.length).toBeLessThanOrEqual(500);
    expect(item.description).toMatch(/^Abstract of p\. More words\./);
  });
});

describe('the site feed\'s day item', () => {
  it('links every paper of the day in its HTML content, titles escaped', () => {
    const papers = Array.from({ length: 25 }, (_, i) => paper(`p${i}`, [['2026-01-08', i + 1, 25 - i]]));
    const [day] = buildDigests(papers);
    const item = dayFeedItem(day!, site);
    expect(item.link).toBe('https://digest.example.org/sub/digests/2026-01-08/');
    const links = elements(`<body>${item.content}`).filter((e) => e.tag === 'a');
    expect(links.map((a) => a.attrs.href)).toEqual(papers.map((p) => `https://digest.example.org/sub/papers/${p.slug}/`));
    expect(links.map((a) => a.text)).toEqual(papers.map((p) => p.title));
    expect(item.content).toContain('▲ 25 · Computer vision');
    expect(item.description).not.toMatch(/<[a-z]/);
  });
});

describe('a paper\'s path through the digests', () => {
  const a = paper('a', [['2026-01-01', 5, 2], ['2026-01-03', 1, 14], ['2026-01-02', 2]]);
  const others = Array.from({ length: 150 }, (_, i) => paper(`o${i}`, [['2026-01-03', i + 2, 0]]));
  const places = placesByPaper(buildDigests([a, ...others]), 100);

  it('lists every day it was listed, oldest first, with its place in the day as shown and the page it is on', () => {
    expect(places.get('a')).toEqual([
      { date: '2026-01-01', position: 1, of: 1, upvotes: 2, page: 1 },
      { date: '2026-01-02', position: 1, of: 1, upvotes: null, page: 1 },
      { date: '2026-01-03', position: 1, of: 151, upvotes: 14, page: 1 },
    ]);
    expect(places.get('o120')![0]).toMatchObject({ position: 122, page: 2 });
    expect(upvoteTrend(places.get('a')!)).toEqual({ first: 2, last: 14 });
    expect(upvoteTrend([{ date: 'x', position: 1, of: 1, upvotes: null, page: 1 }])).toBeNull();
  });

  it('leads to the paper\'s row on the right page of the day', () => {
    expect(`${dayPagePath('2026-01-03', 2)}#${rowId('o120')}`).toBe('digests/2026-01-03/2/#p-o120');
    expect(dayPagePath('2026-01-03')).toBe('digests/2026-01-03/');
  });
});

describe('a day\'s topic filter', () => {
  it('counts the day\'s papers per topic, most first, ties in taxonomy order', () => {
    const [day] = buildDigests([paper('a', [['2026-01-01', 1]], ['vision', 'efficiency']), paper('b', [['2026-01-01', 2]], ['efficiency']), paper('c', [['2026-01-01', 3]], ['graphs'])]);
    expect(topicCounts(day!, ['graphs', 'vision', 'efficiency'])).toEqual([
      { slug: 'efficiency', count: 2 },
      { slug: 'graphs', count: 1 },
      { slug: 'vision', count: 1 },
    ]);
  });
});
