/**
 * Characters that cannot appear in XML 1.0 (C0 controls other than tab and line breaks, lone
 * surrogates, U+FFFE/U+FFFF) or that HTML treats as parse errors (C1 controls, DEL,
 * noncharacters). A listing holding them would make feeds malformed XML, so they are removed
 * from listing text at ingest and again from what pages and feeds show (a hand edit can put
 * them back into a paper file).
 */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}|\p{Noncharacter_Code_Point}/gu;
const ANY_UNSAFE = new RegExp(UNSAFE.source, 'u');

export function removeUnsafeCharacters(text: string): string {
  // Almost every text has none: one scan, and no copy of a 100 MiB listing.
  if (!ANY_UNSAFE.test(text)) return text;
  // Vertical tab and form feed separate words where they stand: read them as spaces.
  return text.replace(UNSAFE, (c) => (c === '\u000B' || c === '\u000C' ? ' ' : ''));
}
