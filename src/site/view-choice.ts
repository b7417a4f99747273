/**
 * How digest days show their papers: a compact list or full cards. The reader's choice is kept
 * in localStorage under VIEW_KEY and applied as `<html data-view>` before first paint
 * (src/site/theme-script.ts), so a remembered choice never flashes the other view.
 */
export const VIEW_KEY = 'digest-view';

export const VIEWS = ['compact', 'full'] as const;
export type View = (typeof VIEWS)[number];

export function isView(value: unknown): value is View {
  return typeof value === 'string' && (VIEWS as readonly string[]).includes(value);
}
