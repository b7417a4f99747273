/**
 * One listing file's text to dated records: parses it, settles the capture date
 * (file name, then the maintainer's `--date`, then inference) and resolves each
 * record's publication date against it.
 */
import { dateFromFileName, fileNameDatePrefix, inferCaptureDate, resolveRecordDate } from './dates.ts';
import { parseListing, type ParseProgress } from './parse.ts';
import type { CaptureDateSource, Layout, ListingRecord, Problem, SkippedText } from './types.ts';

export interface Listing {
  /** The file's base name: it identifies the listing in every paper that appeared in it. */
  file: string;
  layout: Layout;
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
  const parsed = parseListing(text, onProgress);
  const problems: Problem[] = parsed.problems.map((p) => ({ file, ...p }));
  const dates = parsed.records.flatMap((r) => (r.date ? [r.date] : []));

  let captureDate: string;
  let captureDateSource: CaptureDateSource;
  const fromName = dateFromFileName(file);
  const namedDate = fileNameDatePrefix(file);
  if (namedDate && !fromName) {
    // 2026-13-40.txt: the maintainer meant to state the date; say why it did not count.
    problems.push({ file, line: null, severity: 'warning', message: `the file name starts with ${namedDate}, which is not a real date; ignored` });
  }
  if (dateOption) {
    captureDate = dateOption;
    captureDateSource = 'option';
    if (fromName && fromName !== dateOption) {
      problems.push({ file, line: null, severity: 'warning', message: `--date ${dateOption} overrides the date ${fromName} in the file name` });
    }
  } else if (fromName) {
    captureDate = fromName;
    captureDateSource = 'filename';
  } else {
    const inferred = inferCaptureDate(parsed.pageDate, dates);
    if (!inferred.ok) {
      throw new CaptureDateError(
        `cannot tell when it was captured (${inferred.reason}): name the file YYYY-MM-DD.txt or pass --date YYYY-MM-DD`,
      );
    }
    captureDate = inferred.captureDate;
    captureDateSource = 'inferred';
    problems.push({
      file,
      line: parsed.pageDate?.line ?? null,
      severity: 'warning',
      message: `capture date ${captureDate} was inferred (${inferred.reason}); name the file ${captureDate}.txt to state it`,
    });
  }

  const records = parsed.records.map(({ date, ...record }): ListingRecord => {
    if (!date) return { ...record, published: null };
    const resolved = resolveRecordDate(date, captureDate);
    if (resolved.warning) {
      problems.push({ file, line: date.line, severity: 'warning', message: `date "${record.publishedText}" ${resolved.warning}` });
    }
    return { ...record, published: resolved.published };
  });

  return { file, layout: parsed.layout, captureDate, captureDateSource, records, skipped: parsed.skipped, problems };
}
