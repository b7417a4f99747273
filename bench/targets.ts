/**
 * The targets of issue 16 ("Scale: bounded memory, and a daily rebuild that only does what
 * changed"), and how a run's figures compare with them. Times are ratios measured in one run
 * (absolute times on a shared machine vary by up to 2×): the full build against the reference
 * (`--baseline`: a bare Astro site and the Pagefind CLI over it, on the same papers), the
 * rebuild against the full build. Memory and sizes are absolute. The targets are set for
 * 30,000 papers; at 100,000 the memory and first-search limits are the larger ones below. The
 * typo-correction vocabulary has a ceiling of its own.
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

/** The limits that depend on the archive's size: 30,000 papers and below, or 100,000. */
function limitsFor(papers: number) {
  return papers > TARGET_PAPERS ? { peakMB: 4096, searchKB: 350 } : { peakMB: 2560, searchKB: 300 };
}

export function compareWithTargets(size: SizeResult): TargetCheck[] {
  const phase = (name: string) => size.phases.find((p) => p.name === name);
  const build = phase('full build');
  const rebuild = phase('rebuild after that day');
  const day = phase('ingest one more day');
  const reference = size.reference?.ok ? size.reference : null;
  const limits = limitsFor(size.papers);
  const peak = Math.max(0, ...size.phases.filter((p) => p.ok).map((p) => p.peakRssBytes));
  const page = size.paperPage;
  const search = firstSearch(size);
  const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? a / b : null);
  const buildRatio = ratio(build?.ok ? build.wallMs : undefined, reference?.wallMs);
  const rebuildRatio = ratio(rebuild?.ok ? rebuild.wallMs : undefined, build?.ok ? build.wallMs : undefined);
  return [
    { name: 'full build / reference', value: buildRatio === null ? null : `${buildRatio.toFixed(2)}×`, limit: '≤ 0.6×', met: buildRatio === null ? null : buildRatio <= 0.6 },
    { name: 'rebuild after one more day / full build', value: rebuildRatio === null ? null : `${rebuildRatio.toFixed(2)}×`, limit: '≤ 0.15×', met: rebuildRatio === null ? null : rebuildRatio <= 0.15 },
    { name: 'peak memory (any phase, whole process tree)', value: size.phases.length ? `${Math.round(peak / MB)} MB` : null, limit: `≤ ${limits.peakMB} MB`, met: size.phases.length ? peak <= limits.peakMB * MB : null },
    { name: 'ingest one more day', value: day?.ok ? `${(day.wallMs / 1000).toFixed(2)} s` : null, limit: '≤ 2 s', met: day?.ok ? day.wallMs <= 2000 : null },
    { name: 'first search: bytes', value: search && `${(search.bytes / KB).toFixed(0)} KB`, limit: `≤ ${limits.searchKB} KB`, met: search && search.bytes <= limits.searchKB * KB },
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
