import { describe, expect, it } from 'vitest';
import { recordVisit } from '../../../src/personal/visits.ts';

describe('recordVisit', () => {
  it('notes the newest day on a first visit, with no last visit yet', () => {
    expect(recordVisit(undefined, '2026-01-05')).toEqual({ last: null, current: '2026-01-05' });
  });

  it('makes the day noted before the last visit when a newer day has come', () => {
    expect(recordVisit({ last: null, current: '2026-01-05' }, '2026-01-08')).toEqual({ last: '2026-01-05', current: '2026-01-08' });
  });

  it('leaves things as they are on a visit the same day, or from an older cached page', () => {
    const visits = { last: '2025-12-11', current: '2026-01-05' };
    expect(recordVisit(visits, '2026-01-05')).toBe(visits);
    expect(recordVisit(visits, '2025-12-11')).toBe(visits);
  });

  it('records nothing on a site with no digest yet', () => {
    expect(recordVisit(undefined, undefined)).toEqual({ last: null, current: null });
  });
});
