/** A benchmark run as readable text: one table per size, then what was checked. */
import type { BenchRun, PhaseResult, SizeResult } from './results.ts';
import type { QueryProbe } from './search-probe.ts';
import { TARGET_PAPERS } from './targets.ts';

export function formatRun(run: BenchRun): string {
  const m = run.machine;
  const header = [
    `Paper Digest benchmark, ${run.date.slice(0, 16).replace('T', ' ')} UTC, commit ${run.commit ?? 'unknown'}`,
    `${m.cpus} × ${m.cpuModel}, ${bytes(m.memoryBytes)} RAM, ${m.os}, Node ${m.node}; ${Object.entries(run.versions).map(([k, v]) => `${k} ${v ?? '—'}`).join(', ')}`,
    ...(Object.keys(run.settings ?? {}).length > 0 ? [`build settings: ${Object.entries(run.settings).map(([k, v]) => `${k}=${v}`).join(' ')}`] : []),
  ];
  return [...header, ...run.sizes.map(formatSize)].join('\n');
}

export function formatSize(size: SizeResult): string {
  const lines = [
    '',
    `== ${count(size.papers)} papers: ${size.listings} listings (${Object.entries(size.layouts).map(([l, n]) => `${n} ${l}`).join(', ')}), ${count(size.records)} records; one more day: ${size.extraDay.file}, ${size.extraDay.records} records, ${size.extraDay.newPapers} new papers`,
    row(['phase', 'wall', 'cpu', 'peak RSS', 'load', 'files written']),
  ];
  const reference = size.reference;
  if (reference) {
    lines.push(row([`reference${reference.ok ? '' : ' (FAILED)'}`, seconds(reference.wallMs), seconds(reference.cpuMs), bytes(reference.peakRssBytes), reference.loadAverage.toFixed(1), '']));
    for (const step of reference.steps) lines.push(row([`  ${step.label}`, seconds(step.wallMs), seconds(step.cpuMs), bytes(step.peakRssBytes), '', '']));
  }
  for (const phase of size.phases) lines.push(...phaseRows(phase, reference?.ok ? reference.wallMs : null));

  if (size.dist) {
    const index = size.searchIndex ? `search index ${bytes(size.searchIndex.bytes)} in ${count(size.searchIndex.files)} files (${size.searchIndex.path})` : 'no search index';
    lines.push(`output: ${count(size.dist.pages)} pages, ${count(size.dist.files)} files, ${bytes(size.dist.bytes)} in dist/; ${index}`);
  }
  const page = size.paperPage;
  if (page) {
    const blocking = page.blockingScripts.length === 0 ? 'none' : page.blockingScripts.join(', ');
    lines.push(
      `paper page (median of ${count(page.paperPages)}, ${page.url}): ${bytes(page.htmlBytes)} HTML + ${bytes(page.cssBytes)} CSS = ${bytes(page.htmlBytes + page.cssBytes)} (${bytes(page.htmlCssGzipBytes)} gzip); JS ${bytes(page.scriptBytes)} in ${page.scriptFiles.length} file(s); blocking JS: ${blocking}${page.inlineHeadScripts ? `, ${page.inlineHeadScripts} inline script(s) in <head>` : ''}`,
    );
  }
  const vocabulary = size.vocabulary;
  if (vocabulary) lines.push(`search vocabulary (${vocabulary.path}): ${count(vocabulary.words)} words, ${bytes(vocabulary.bytes)} (${bytes(vocabulary.gzipBytes)} gzip), fetched only to correct a typo`);
  const search = size.search;
  if (search) {
    if (search.api) lines.push(`search api (${search.bundle}):`, `  first ${query(search.api.first)}`, `  second ${query(search.api.second)}`);
    const ui = search.ui;
    if (ui) {
      lines.push(`search page ${ui.page}: page load ${bytes(ui.load.bytes)} in ${ui.load.requests} requests (search bundle ${bytes(ui.load.searchBundleBytes)}); first search in all ${bytes(ui.load.bytes + ui.first.bytes)}`);
      lines.push(`  first ${query(ui.first)}`, `  second ${query(ui.second)}`);
    }
    const typo = size.typoSearch;
    if (typo) {
      const time = typo.ms === null ? 'no results' : `${Math.round(typo.ms)} ms`;
      lines.push(`  typo "${typo.query}" → ${typo.corrected === null ? 'not corrected' : `"${typo.corrected}"`}: ${bytes(typo.bytes)} in ${typo.requests} requests (vocabulary ${bytes(typo.vocabularyBytes)}), ${time}${typo.note ? ` [${typo.note}]` : ''}`);
    }
    for (const note of search.notes) lines.push(`search: ${note}`);
    if (search.blockedRequests.length > 0) lines.push(`search: blocked requests to other hosts: ${search.blockedRequests.join(', ')}`);
  }
  if (size.targets.length > 0) {
    lines.push(`targets (set for ${TARGET_PAPERS.toLocaleString('en-US')} papers):`);
    for (const t of size.targets) lines.push(`  ${t.met === null ? '?' : t.met ? '✓' : '✗'} ${t.name}: ${t.value ?? 'not measured'} (target ${t.limit})`);
  }
  const failed = size.checks.filter((c) => !c.ok);
  lines.push(failed.length === 0 ? `checks: all ${size.checks.length} passed` : `checks FAILED: ${failed.map((c) => `${c.name} (${c.detail})`).join('; ')}`);
  lines.push(size.scratch ? `scratch project kept: ${size.scratch}` : `logs: ${size.logs}`);
  return lines.join('\n');
}

/** A phase, its wall time also as a ratio to the reference's when there is one. */
function phaseRows(phase: PhaseResult, referenceMs: number | null): string[] {
  const written = `${count(phase.writes.written)}${topFolders(phase.writes.byFolder)}`;
  const wall = referenceMs ? `${seconds(phase.wallMs)} = ${(phase.wallMs / referenceMs).toFixed(2)}× ref` : seconds(phase.wallMs);
  const rows = [row([`${phase.name}${phase.ok ? '' : ' (FAILED)'}`, wall, seconds(phase.cpuMs), bytes(phase.peakRssBytes), phase.loadAverage.toFixed(1), written])];
  if (phase.steps.length > 1) {
    for (const step of phase.steps) rows.push(row([`  ${step.label}`, seconds(step.wallMs), seconds(step.cpuMs), bytes(step.peakRssBytes), '', '']));
  }
  return rows;
}

function topFolders(byFolder: Record<string, number>): string {
  const top = Object.entries(byFolder).sort((a, b) => b[1] - a[1]).slice(0, 3);
  return top.length === 0 ? '' : ` (${top.map(([folder, n]) => `${folder} ${count(n)}`).join(', ')})`;
}

function query(q: QueryProbe): string {
  const time = q.ms === null ? 'no results' : `${Math.round(q.ms)} ms`;
  const results = q.results === null ? '' : `, ${count(q.results)} results`;
  return `"${q.query}" ${bytes(q.bytes)} in ${q.requests} requests (search bundle ${bytes(q.searchBundleBytes)}), ${time}${results}${q.note ? ` [${q.note}]` : ''}`;
}

// The load column is the 1-minute load average as the phase started (cores busy with other work).
const WIDTHS = [40, 20, 9, 10, 6];

function row(cells: string[]): string {
  return cells.map((cell, i) => (i === 0 ? clip(cell, WIDTHS[0]!).padEnd(WIDTHS[0]!) : i < WIDTHS.length ? cell.padStart(WIDTHS[i]!) : `  ${cell}`)).join(' ');
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

export function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
