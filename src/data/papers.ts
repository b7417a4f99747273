/**
 * The collection, read once per build. Pages call these instead of getCollection()
 * so that thousands of pages share one set of views, digests and archive months
 * rather than each rebuilding them.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildArchive, type ArchiveMonth } from '../site/archive.ts';
import { buildDigests, placesByPaper, type Digest, type DigestPlace } from '../site/digests.ts';
import { DAY_PAGE_SIZE, env } from '../config.ts';
import { byNewest, toPaperView, type PaperView } from '../papers/view.ts';
import { relatableFromFile, relatedAheadOrNow } from '../analysis/related-ahead.ts';
import { readPaperBodies } from '../papers/loader.ts';
import { bundleCount, bundleOf, papersWithPages as withPages } from '../site/paper-pages.ts';
import { nameByFile } from './cache-key.ts';

let papers: Promise<PaperView[]> | undefined;
let digests: Promise<Digest[]> | undefined;
let archive: Promise<ArchiveMonth[]> | undefined;
let bySlug: Promise<Map<string, PaperView>> | undefined;
let related: Promise<Map<string, PaperView[]>> | undefined;
/** The digest of each paper's file's text, by slug, as allPapers() read them. */
const fileDigests = new Map<string, string>();

/** Every paper, newest first. */
export function allPapers(): Promise<PaperView[]> {
  papers ??= getCollection('papers').then((entries) => {
    // The store keeps no bodies (loader.ts): they are read from the papers' files.
    const files = readPaperBodies(entries, env.papersDir());
    return entries
      .map((e) => {
        const file = files.get(e.id);
        const view = toPaperView({ slug: e.id, body: file?.body ?? '', data: e.data });
        if (file) {
          nameByFile(view, file.digest);
          fileDigests.set(view.slug, file.digest);
        }
        return view;
      })
      .sort(byNewest);
  });
  return papers;
}

export function paperBySlug(): Promise<Map<string, PaperView>> {
  bySlug ??= allPapers().then((list) => new Map(list.map((p) => [p.slug, p])));
  return bySlug;
}

/** Digest days, newest first. */
export function allDigests(): Promise<Digest[]> {
  digests ??= allPapers().then(buildDigests);
  return digests;
}

let places: Promise<Map<string, DigestPlace[]>> | undefined;

/** A paper's places in the digests (day, position, upvotes, page of the day), oldest day first. */
export function digestPlaces(slug: string): Promise<DigestPlace[]> {
  places ??= allDigests().then((list) => placesByPaper(list, DAY_PAGE_SIZE));
  return places.then((map) => map.get(slug) ?? []);
}

/** Archive months, newest first. */
export function allMonths(): Promise<ArchiveMonth[]> {
  archive ??= allPapers().then(buildArchive);
  return archive;
}

/** Up to five related papers per paper, for the whole collection at once (worked out ahead in a worker thread when `astro build` starts). */
export function relatedOf(slug: string): Promise<PaperView[]> {
  related ??= Promise.all([allPapers(), paperBySlug()]).then(async ([papers, index]) => {
    const { related: ids, ahead } = await relatedAheadOrNow(papers.map((p) => relatableFromFile(p, fileDigests.get(p.slug))));
    // Said in the build log: a worker's answer that is never used (papers read differently) would cost 6 s a build unseen.
    console.log(ahead ? 'related papers: worked out ahead' : `related papers: worked out for ${papers.length} papers`);
    return new Map([...ids].map(([id, list]) => [id, list.map((r) => index.get(r)!)]));
  });
  return related.then((map) => map.get(slug) ?? []);
}

let notes: Promise<Map<string, CollectionEntry<'notes'>>> | undefined;

/** The editorial note of a digest day, if the maintainer wrote one. */
export function noteFor(date: string): Promise<CollectionEntry<'notes'> | undefined> {
  notes ??= getCollection('notes').then((list) => new Map(list.map((n) => [n.id, n])));
  return notes.then((map) => map.get(date));
}

let paged: Promise<{ pages: PaperView[]; bundles: PaperView[][] }> | undefined;

/** The papers whose permalink is a page of its own (all, unless PAPER_PAGES limits them: src/site/paper-pages.ts). */
export async function papersWithPages(): Promise<PaperView[]> {
  return (await pagedPapers()).pages;
}

/** The papers without a page, by the bundle their article is in (none when every paper has a page). */
export async function paperBundles(): Promise<PaperView[][]> {
  return (await pagedPapers()).bundles;
}

function pagedPapers(): Promise<{ pages: PaperView[]; bundles: PaperView[][] }> {
  paged ??= allPapers().then((papers) => {
    const pages = withPages(papers, env.paperPages());
    const hasPage = new Set(pages.map((p) => p.slug));
    const rest = papers.filter((p) => !hasPage.has(p.slug));
    const bundles = Array.from({ length: bundleCount(rest.length) }, (): PaperView[] => []);
    for (const paper of rest) bundles[bundleOf(paper.slug, bundles.length)]!.push(paper);
    return { pages, bundles };
  });
  return paged;
}

/** What a paper's article shows (components/PaperArticle.astro): the paper, its related papers and its places in the digests. */
export async function articleProps(paper: PaperView) {
  const [related, places] = await Promise.all([relatedOf(paper.slug), digestPlaces(paper.slug)]);
  return { paper, related: related.map(({ slug, title, published, firstSeen }) => ({ slug, title, published, firstSeen })), places };
}
