/**
 * One listing file's text to dated records. The kind of listing is recognised from the
 * content: the Daily Papers JSON, or a text capture, which is parsed, dated (the
 * maintainer's `--date`, then the file name, then inference) and whose records' dates are
 * resolved against the capture date.
 */
import { dateFromFileName, fileNameDatePrefix, inferCaptureDate, resolveRecordDate, type Inference } from './dates.ts';
import { inferDailyCaptureDate, jsonListing, parseDailyPapers } from './daily-papers.ts';
import { parseListing, type ParseProgress } from './parse.ts';
import type { CaptureDateSource, ListingKind, ListingRecord, Problem, SkippedText } from './types.ts';

export interface Listing {
  /** The file's base name: it identifies the listing in every paper that appeared in it. */
  file: string;
  /** A text layout, or `json` for the Daily Papers JSON. */
  layout: ListingKind;
  captureDate: string;
  captureDateSource: CaptureDateSource;
  records: ListingRecord[];
  /** Page text (navigation, footer) that stands where no paper can: skipped and counted. */
  skipped: SkippedText;
  problems: Problem[];
}

export class CaptureDateError extends Error {}

/**
 * @param dateOption a `YYYY-MM-DD` the maintainer stated on the command line; it wins
 *   over the file name because it is the most deliberate statement.
 * @param onProgress told how far parsing has got, for a big listing's progress display.
 */
export function readListing(file: string, text: string, dateOption: string | null = null, onProgress?: ParseProgress): Listing {
  const json = jsonListing(file, text);
  if (json) return readDailyPapers(file, json.json, dateOption);
  const parsed = parseListing(text, onProgress);
  const problems: Problem[] = parsed.problems.map((p) => ({ file, ...p }));
  const dates = parsed.records.flatMap((r) => (r.date ? [r.date] : []));
  const { captureDate, captureDateSource } = settleCaptureDate(file, dateOption, () => inferCaptureDate(parsed.pageDate, dates), problems, {
    line: parsed.pageDate?.line ?? null,
    name: 'YYYY-MM-DD.txt',
  });

  const records = parsed.records.map(({ date, ...record }): ListingRecord => {
    if (!date) return { ...record, ...TEXT_ONLY, published: null };
    const resolved = resolveRecordDate(date, captureDate);
    if (resolved.warning) {
      problems.push({ file, line: date.line, severity: 'warning', message: `date "${record.publishedText}" ${resolved.warning}` });
    }
    return { ...record, ...TEXT_ONLY, published: resolved.published };
  });

  return { file, layout: parsed.layout, captureDate, captureDateSource, records, skipped: parsed.skipped, problems };
}

/** What a text capture cannot tell. */
const TEXT_ONLY = { arxivId: null, authors: null, githubRepo: null, projectPage: null } as const;

/** A Daily Papers JSON file (src/listing/daily-papers.ts), dated like a text capture. */
function readDailyPapers(file: string, json: unknown, dateOption: string | null): Listing {
  const parsed = parseDailyPapers(json);
  const problems: Problem[] = parsed.problems.map((p) => ({ file, line: null, ...p }));
  const { captureDate, captureDateSource } = settleCaptureDate(file, dateOption, () => inferDailyCaptureDate(parsed.listedDays), problems, {
    line: null,
    name: 'YYYY-MM-DD-daily.json',
  });
  // JSON items are records or reported as malformed: nothing stands around them.
  return { file, layout: 'json', captureDate, captureDateSource, records: parsed.records, skipped: { lines: 0, spans: [] }, problems };
}

/**
 * The capture date: the maintainer's `--date`, which wins because it is the most deliberate
 * statement, else the file name's, else inferred from the content (with a warning).
 * @param hint where the inference looked (a line) and how to name such a file
 */
function settleCaptureDate(
  file: string,
  dateOption: string | null,
  infer: () => Inference,
  problems: Problem[],
  hint: { line: number | null; name: string },
): { captureDate: string; captureDateSource: CaptureDateSource } {
  const fromName = dateFromFileName(file);
  const namedDate = fileNameDatePrefix(file);
  if (namedDate && !fromName) {
    // 2026-13-40.txt: the maintainer meant to state the date; say why it did not count.
    problems.push({ file, line: null, severity: 'warning', message: `the file name starts with ${namedDate}, which is not a real date; ignored` });
  }
  if (dateOption) {
    if (fromName && fromName !== dateOption) {
      problems.push({ file, line: null, severity: 'warning', message: `--date ${dateOption} overrides the date ${fromName} in the file name` });
    }
    return { captureDate: dateOption, captureDateSource: 'option' };
  }
  if (fromName) return { captureDate: fromName, captureDateSource: 'filename' };
  const inferred = infer();
  if (!inferred.ok) {
    throw new CaptureDateError(`cannot tell when it was captured (${inferred.reason}): name the file ${hint.name} or pass --date YYYY-MM-DD`);
  }
  problems.push({
    file,
    line: hint.line,
    severity: 'warning',
    message: `capture date ${inferred.captureDate} was inferred (${inferred.reason}); name the file ${hint.name.replace('YYYY-MM-DD', inferred.captureDate)} to state it`,
  });
  return { captureDate: inferred.captureDate, captureDateSource: 'inferred' };
}
