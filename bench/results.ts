/** The shape of a benchmark run, as written to JSON and printed as tables. */
import type { FolderStats, Writes } from './file-census.ts';
import type { ReferenceResult } from './baseline.ts';
import type { Measurement } from './measure.ts';
import type { PageWeight } from './page-weight.ts';
import type { SearchProbe } from './search-probe.ts';
import type { TypoSearch, VocabularyFile } from './search-vocabulary.ts';
import type { TargetCheck } from './targets.ts';

export interface StepResult extends Omit<Measurement, 'outputTail'> {
  label: string;
}

export interface PhaseResult {
  name: string;
  /** The npm script run (its steps measured one by one, as `npm run` would run them). */
  script: string;
  ok: boolean;
  /** 1-minute load average when the phase started: above the core count, other work competed. */
  loadAverage: number;
  wallMs: number;
  cpuMs: number;
  /** The largest of the steps' peaks: steps run one after another. */
  peakRssBytes: number;
  steps: StepResult[];
  writes: Writes;
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface SizeResult {
  papers: number;
  listings: number;
  records: number;
  layouts: Record<string, number>;
  extraDay: { file: string; records: number; newPapers: number };
  phases: PhaseResult[];
  /** `dist/` after the full build of `papers` papers. */
  dist: FolderStats | null;
  searchIndex: (FolderStats & { path: string }) | null;
  paperPage: PageWeight | null;
  search: SearchProbe | null;
  /** The typo-correction vocabulary as built, and a first search with a typo. */
  vocabulary: VocabularyFile | null;
  typoSearch: TypoSearch | null;
  checks: Check[];
  /** The figures next to the targets (which are set for 30,000 papers). */
  targets: TargetCheck[];
  /** The bare Astro + Pagefind CLI reference built on the same papers (`--baseline`), else null. */
  reference: ReferenceResult | null;
  /** Kept scratch project (`--keep`), else null. */
  scratch: string | null;
  logs: string;
}

export interface BenchRun {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryBytes: number; os: string; node: string };
  versions: Record<string, string | null>;
  commit: string | null;
  options: { sizes: number[]; seed: number; queries: [string, string] };
  /** Build settings from the environment that change the output (docs/publishing.md), as the builds saw them. */
  settings: Record<string, string>;
  sizes: SizeResult[];
}
