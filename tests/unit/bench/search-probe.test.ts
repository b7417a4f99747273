/** What the bench's search probe waits for on the search page (bench/search-probe.ts). */
import { describe, expect, it } from 'vitest';
import { resultLinks } from '../../../bench/search-probe.ts';

describe('the links that show a search has results', () => {
  it('are new links into the folder every result is in', () => {
    expect(resultLinks(['/papers/a/', '/papers/b/'])).toBe('a[href*="/papers/"]:not([data-bench-seen])');
    expect(resultLinks(['/sub/papers/a/', '/sub/papers/b/'])).toBe('a[href*="/sub/papers/"]:not([data-bench-seen])');
  });

  it('are new links to the results themselves when they share no folder', () => {
    expect(resultLinks(['/a/', '/papers/b/'])).toBe('a[href*="/a/"]:not([data-bench-seen]), a[href*="/papers/b/"]:not([data-bench-seen])');
  });
});
