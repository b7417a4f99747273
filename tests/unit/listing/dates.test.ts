import { describe, expect, it } from 'vitest';
import { dateFromFileName, inferCaptureDate, parseDateline, resolveRecordDate } from '../../../src/listing/dates.ts';

describe('datelines', () => {
  it('reads the upvote count as the integer after the date', () => {
    expect(parseDateline('Jan 3 1')).toEqual({ month: 1, day: 3, year: null, upvotes: 1 });
    expect(parseDateline('Jan 31')).toEqual({ month: 1, day: 31, year: null, upvotes: null });
    expect(parseDateline('Oct 13, 2025 2')).toEqual({ month: 10, day: 13, year: 2025, upvotes: 2 });
    expect(parseDateline('Sept 4, 2023')).toMatchObject({ month: 9, day: 4, year: 2023 });
  });
  it('rejects what is not a date', () => {
    for (const text of ['Jan', 'Foo 12', 'Jan 45', 'Mixture of Experts', 'Jan 3 a']) expect(parseDateline(text)).toBeNull();
  });
});

describe('capture dates', () => {
  it('come from a file name that starts with YYYY-MM-DD', () => {
    expect(dateFromFileName('2026-01-08.txt')).toBe('2026-01-08');
    expect(dateFromFileName('2026-01-08-hf.txt')).toBe('2026-01-08');
    expect(dateFromFileName('2026-02-30.txt')).toBeNull();
    expect(dateFromFileName('000_5f855246.txt')).toBeNull();
  });
  it('are inferred as the year after the latest explicit year, as the samples show', () => {
    const d = (month: number, day: number, year: number | null) => ({ month, day, year, line: 1 });
    expect(inferCaptureDate({ month: 1, day: 8 }, [d(11, 8, 2025), d(3, 1, 2024)])).toMatchObject({ ok: true, captureDate: '2026-01-08' });
    expect(inferCaptureDate({ month: 12, day: 11 }, [d(11, 20, null), d(5, 22, 2024)])).toMatchObject({ ok: true, captureDate: '2025-12-11' });
    expect(inferCaptureDate({ month: 3, day: 11 }, [])).toMatchObject({ ok: false });
    expect(inferCaptureDate(null, [d(1, 1, 2024)])).toMatchObject({ ok: false });
  });
  it('resolve yearless record dates into the capture year', () => {
    expect(resolveRecordDate({ month: 11, day: 20, year: null, line: 1 }, '2025-12-11')).toEqual({ published: '2025-11-20', warning: null });
    expect(resolveRecordDate({ month: 12, day: 27, year: null, line: 1 }, '2026-01-05').published).toBe('2025-12-27');
  });
});
