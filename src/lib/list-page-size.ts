/**
 * Papers per page of a long list (a topic, an archive month). One size for both, so a reader
 * meets the same page length everywhere, and a month of thousands of papers at 30k is still
 * pages of about 30 KB of HTML.
 */
export const LIST_PAGE_SIZE = 25;
