/**
 * Bytes to text for a listing file, refusing what is not a text capture at all.
 * Captures come from browsers and clipboard tools: UTF-8 (maybe with a BOM) is the
 * norm, a legacy Windows code page the exception.
 */

export class UnreadableListingError extends Error {}

/**
 * Listings larger than this are refused rather than risk exhausting memory. Ingest holds
 * a listing's text and records in memory at once: at this size its peak stays below 1 GB
 * (measured by tests/integration/big-listing.test.ts), while a real day's capture is under 1 MB.
 */
export const MAX_LISTING_BYTES = 100 * 1024 * 1024;

/** Throws for a file too big to ingest; callers check the size before reading the file. */
export function checkListingSize(bytes: number): void {
  if (bytes > MAX_LISTING_BYTES) {
    const count = (n: number) => n.toLocaleString('en');
    throw new UnreadableListingError(
      `the file is ${count(bytes)} bytes; listings are limited to ${MAX_LISTING_BYTES / 1024 / 1024} MiB (${count(MAX_LISTING_BYTES)} bytes): split it into smaller files`,
    );
  }
}

export function decodeListing(bytes: Uint8Array): { text: string; warning: string | null } {
  if (bytes.length === 0) throw new UnreadableListingError('the file is empty');
  checkListingSize(bytes.length);
  const utf16 = utf16Encoding(bytes);
  const { text, warning } = utf16 ? { text: decodeUtf16(bytes, utf16), warning: null } : decodeBytes(bytes);
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new UnreadableListingError('the file holds no text');
  return { text, warning };
}

/** UTF-8, damaged UTF-8 or a legacy code page; refuses binary data. */
function decodeBytes(bytes: Uint8Array): { text: string; warning: string | null } {
  if (looksBinary(bytes)) throw new UnreadableListingError('the file is binary data, not a text listing');
  let text: string;
  let warning: string | null = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Bad sequences among mostly good multi-byte characters (a capture cut mid-character)
    // are damage in a UTF-8 file: keep it UTF-8, or every accented title would change and its
    // paper be taken for a new one. Mostly bad ones mean a legacy code page.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const bad = lenient.split('\uFFFD').length - 1;
    const decoded = (lenient.match(/[^\u0000-\u007f\uFFFD]/gu) ?? []).length;
    if (decoded > bad) {
      text = lenient;
      warning = `${bad} invalid UTF-8 sequence(s) shown as \uFFFD`;
    } else {
      text = new TextDecoder('windows-1252').decode(bytes);
      warning = 'the file is not valid UTF-8; read it as Windows-1252';
    }
  }
  return { text, warning };
}

/**
 * Windows tools ("Unicode" in Notepad, PowerShell's `>`) save UTF-16 with a byte-order mark.
 * Its NUL bytes would otherwise read as binary data; the mark says how to read it instead.
 */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableListingError(`the file starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}; save it as UTF-8`);
  }
}

/** NUL bytes, or many control characters in the first 64 KiB, mean binary data. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65536);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control > sample.length * 0.01;
}
