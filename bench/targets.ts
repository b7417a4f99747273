/**
 * The targets of issue 5 ("Speed at scale") and the typo-correction vocabulary's ceiling,
 * set for 30,000 papers on a 2-core machine, and how a run's figures compare with them.
 */
import type { SizeResult } from './results.ts';

export const TARGET_PAPERS = 30_000;

export interface TargetCheck {
  name: string;
  /** The figure as measured, formatted; null when it could not be measured. */
  value: string | null;
  limit: string;
  met: boolean | null;
}

const MB = 1024 ** 2;
const KB = 1024;

export function compareWithTargets(size: SizeResult): TargetCheck[] {
  const phase = (name: string) => size.phases.find((p) => p.name === name);
  const time = (name: string, limitS: number): TargetCheck => {
    const p = phase(name);
    return { name, value: p?.ok ? `${(p.wallMs / 1000).toFixed(1)} s` : null, limit: `≤ ${limitS} s`, met: p?.ok ? p.wallMs <= limitS * 1000 : null };
  };
  const build = phase('full build');
  const page = size.paperPage;
  const search = firstSearch(size);
  return [
    time('ingest from scratch', 10),
    time('ingest one more day', 2),
    time('full build', 60),
    { name: 'peak memory of the build', value: build?.ok ? `${Math.round(build.peakRssBytes / MB)} MB` : null, limit: '≤ 3072 MB', met: build?.ok ? build.peakRssBytes <= 3 * 1024 * MB : null },
    time('rebuild after that day', 20),
    { name: 'first search: bytes', value: search && `${(search.bytes / KB).toFixed(0)} KB`, limit: '≤ 350 KB', met: search && search.bytes <= 350 * KB },
    vocabularyTarget(size),
    { name: 'first search: time to results', value: search?.ms != null ? `${Math.round(search.ms)} ms` : null, limit: '≤ 300 ms', met: search?.ms != null ? search.ms <= 300 : null },
    {
      name: 'HTML+CSS of a paper page',
      value: page && `${((page.htmlBytes + page.cssBytes) / KB).toFixed(1)} KB (${(page.htmlCssGzipBytes / KB).toFixed(1)} KB gzip)`,
      limit: '≤ 12 KB',
      met: page && page.htmlBytes + page.cssBytes <= 12 * KB,
    },
    { name: 'no blocking JS on a paper page', value: page && (page.blockingScripts.length === 0 ? 'none' : page.blockingScripts.join(', ')), limit: 'none', met: page && page.blockingScripts.length === 0 },
    { name: 'output files', value: size.dist && size.dist.files.toLocaleString('en-US'), limit: '≤ 20,000 (host cap)', met: size.dist && size.dist.files <= 20_000 },
  ];
}

/**
 * Bytes and time of a reader's first search: on the search page, everything the search
 * bundle sent while the page loaded and for the first query, and the query's time to
 * results; without a search page, the api probe's first query.
 */
function firstSearch(size: SizeResult): { bytes: number; ms: number | null } | null {
  const ui = size.search?.ui;
  if (ui) return { bytes: ui.load.searchBundleBytes + ui.first.searchBundleBytes, ms: ui.first.ms };
  const api = size.search?.api;
  return api ? { bytes: api.first.searchBundleBytes, ms: api.first.ms } : null;
}

/** The typo-correction vocabulary, as the typo search fetched it (else its gzip size on disk): issue 15's ceiling. */
function vocabularyTarget(size: SizeResult): TargetCheck {
  const sent = size.typoSearch?.vocabularyBytes || size.vocabulary?.gzipBytes;
  return { name: 'typo correction: vocabulary fetched', value: sent ? `${(sent / KB).toFixed(0)} KB` : null, limit: '≤ 150 KB', met: sent ? sent <= 150 * KB : null };
}
