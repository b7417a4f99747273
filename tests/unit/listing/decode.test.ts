import { describe, expect, it } from 'vitest';
import { decodeListing } from '../../../src/listing/decode.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decoding listing files', () => {
  it('refuses an empty or blank file', () => {
    expect(() => decodeListing(new Uint8Array())).toThrow(/empty/);
    expect(() => decodeListing(bytes('\uFEFF \n\r\n\t'))).toThrow(/no text/);
  });
  it('refuses binary data', () => {
    expect(() => decodeListing(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toThrow(/binary/);
  });
  it('reads UTF-8, and falls back to Windows-1252 with a warning', () => {
    expect(decodeListing(bytes('Café · ok'))).toEqual({ text: 'Café · ok', warning: null });
    const latin = decodeListing(Uint8Array.from([0x43, 0x61, 0x66, 0xe9]));
    expect(latin.text).toBe('Café');
    expect(latin.warning).toMatch(/UTF-8/);
  });
  it('keeps a UTF-8 file with one damaged byte as UTF-8, marking the damage', () => {
    const good = new TextEncoder().encode('Café Über naïve ');
    const damaged = decodeListing(Uint8Array.from([...good, ...good, 0xc3]));
    expect(damaged.text).toBe('Café Über naïve Café Über naïve \uFFFD');
    expect(damaged.warning).toMatch(/1 invalid UTF-8 sequence/);
  });
  it('reads UTF-16 with a byte-order mark, little- and big-endian, and names a broken one', () => {
    const text = 'Daily Papers\r\n\r\nCafé · 5 authors';
    const le = Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const be = Uint8Array.from([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);
    expect(decodeListing(le)).toEqual({ text, warning: null });
    expect(decodeListing(be)).toEqual({ text, warning: null });
    // An odd byte count cannot be UTF-16.
    expect(() => decodeListing(Uint8Array.from([...le, 0x41]))).toThrow(/UTF-16LE byte-order mark .* save it as UTF-8/);
  });
});
