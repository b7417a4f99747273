/** The shapes a listing takes on its way from captured text to paper records. */

/** A: records with metadata; B: compact alternating lines; C: title/abstract blocks, no metadata. */
export type Layout = 'A' | 'B' | 'C';

/** What a listing file turned out to be: a text capture of one of the layouts, or the Daily Papers JSON. */
export type ListingKind = Layout | 'json';

/** Where a listing's capture date came from. */
export type CaptureDateSource = 'filename' | 'option' | 'inferred';

// A type, not an interface: the paper schema's org (a loose object) must accept it.
export type Org = {
  /** The organisation's handle, e.g. `zai-org`. */
  id: string;
  /** Its display name, e.g. `Z.ai`. */
  name: string;
};

/** One paper as a listing shows it. Absent facts are `null`, never guessed. */
export interface ListingRecord {
  title: string;
  /** Paragraphs joined by one blank line; `null` when the capture lost it. */
  abstract: string | null;
  authorsCount: number | null;
  org: Org | null;
  /** The publication date exactly as written (`Oct 13, 2025`, `Sep 30`). */
  publishedText: string | null;
  /** That date resolved to `YYYY-MM-DD` (yearless dates against the capture date). */
  published: string | null;
  upvotes: number | null;
  urls: string[];
  /** The arXiv identifier without version (`2501.01234`). Text captures never show one. */
  arxivId: string | null;
  /** Author names in the paper's order, when the listing names them (the JSON does). */
  authors: string[] | null;
  /** The code repository's http(s) address, as the listing gives it apart from the abstract. */
  githubRepo: string | null;
  /** The project page's http(s) address. */
  projectPage: string | null;
  /** 1-based line of the title in a text listing; `null` for a JSON item, which is known by its position. */
  line: number | null;
}

/** The facts only the Daily Papers JSON gives; a text capture's records hold `null` for each. */
export type JsonOnlyFields = 'arxivId' | 'authors' | 'githubRepo' | 'projectPage';

/** An error loses data (a record or file skipped); a warning only reports a doubt. */
export type Severity = 'error' | 'warning';

/** Something wrong in a listing, located for the maintainer. */
export interface Problem {
  file: string;
  severity: Severity;
  /** 1-based line, or `null` when it concerns the whole file. */
  line: number | null;
  message: string;
}

/**
 * Lines of a capture that stand where no paper can (the site's navigation and footer, "Submitted
 * by" lines): skipped, and counted so the maintainer can look. Known header lines and the page
 * date are not counted.
 */
export interface SkippedText {
  /** How many non-empty lines were skipped. */
  lines: number;
  /** Where, as 1-based line ranges; a range spans the empty lines between skipped ones. */
  spans: Array<{ from: number; to: number }>;
}

/** What the parser makes of one listing's text, before any capture date is known. */
export interface ParsedListing {
  layout: Layout;
  skipped: SkippedText;
  /** The page's own month and day (`Jan 8`), if the capture kept it. */
  pageDate: { month: number; day: number; line: number } | null;
  records: RawRecord[];
  /** Records that could not be read (errors) or were read in part (warnings). */
  problems: Array<{ line: number; severity: Severity; message: string }>;
}

/** A text record before dates are resolved: the dateline split into its parts. */
export interface RawRecord extends Omit<ListingRecord, 'published' | 'line' | JsonOnlyFields> {
  line: number;
  date: RecordDate | null;
}

export interface RecordDate {
  month: number;
  day: number;
  /** `null` when the listing omitted it (the date is in the capture's year). */
  year: number | null;
  line: number;
}
