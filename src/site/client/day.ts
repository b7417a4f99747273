// A digest day's reading controls (src/components/DayTools.astro): compact list or full cards,
// remembered; a filter by topic over the whole day; later pages of a long day loaded as the
// reader scrolls. The page works without this script: every control is hidden until it runs.
import { VIEW_KEY, isView, type View } from '../view-choice.ts';

const tools = document.querySelector<HTMLElement>('[data-day-tools]');
const list = document.querySelector<HTMLOListElement>('[data-day-list]');
const more = document.querySelector<HTMLElement>('[data-day-more]');

if (tools && list) {
  const root = document.documentElement;
  const status = tools.querySelector<HTMLElement>('[data-filter-status]')!;
  const select = tools.querySelector<HTMLSelectElement>('[data-topic-filter]')!;
  const views = [...tools.querySelectorAll<HTMLInputElement>('input[name="view"]')];
  tools.hidden = false;

  // ---- Compact list or full cards ----
  const current = (): View => (isView(root.dataset.view) ? root.dataset.view : isView(list.dataset.viewDefault) ? list.dataset.viewDefault : 'full');
  for (const input of views) {
    input.checked = input.value === current();
    input.addEventListener('change', () => {
      if (!input.checked || !isView(input.value)) return;
      root.dataset.view = input.value;
      try {
        localStorage.setItem(VIEW_KEY, input.value);
      } catch {
        // Private mode: the choice lasts for this page only.
      }
    });
  }

  // ---- Later pages of the day ----
  let loading: Promise<boolean> | null = null;

  /** Appends the next page's papers and takes over its pager; false when there is none. */
  function loadNext(): Promise<boolean> {
    loading ??= (async () => {
      const next = more?.querySelector<HTMLAnchorElement>('a[rel="next"]');
      if (!next) return false;
      const response = await fetch(next.href);
      if (!response.ok) throw new Error(`${next.href}: HTTP ${response.status}`);
      // A parsed document runs no script: only its list rows and pager are taken.
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      for (const row of page.querySelectorAll('[data-day-list] > li')) list!.append(document.importNode(row, true));
      const nextPager = page.querySelector('[data-day-more]');
      more!.replaceChildren(...(nextPager ? [...nextPager.childNodes].map((n) => document.importNode(n, true)) : []));
      // The earlier-pages link makes no sense once those papers are on this page.
      more!.querySelector('a[rel="prev"]')?.remove();
      applyFilter();
      return true;
    })().finally(() => {
      loading = null;
    });
    return loading;
  }

  async function loadAll(): Promise<void> {
    while (await loadNext());
  }

  if (more && 'IntersectionObserver' in window) {
    new IntersectionObserver(
      (seen) => {
        if (seen.some((e) => e.isIntersecting)) void loadNext().catch(() => undefined);
      },
      { rootMargin: '0px 0px 800px 0px' },
    ).observe(more);
  }

  // ---- Topic filter ----
  /** Hides the rows of other topics; returns how many rows are shown, of how many. */
  function applyFilter(): { shown: number; of: number } {
    const topic = select.value;
    const rows = [...list!.children] as HTMLElement[];
    for (const row of rows) row.hidden = topic !== '' && !(row.dataset.topics ?? '').split(' ').includes(topic);
    return { shown: rows.filter((r) => !r.hidden).length, of: rows.length };
  }

  async function filterBy(topic: string): Promise<void> {
    select.value = topic;
    const url = new URL(location.href);
    if (topic) url.searchParams.set('topic', topic);
    else url.searchParams.delete('topic');
    history.replaceState(history.state, '', url);
    if (!topic) {
      applyFilter();
      status.textContent = '';
      return;
    }
    status.textContent = 'Loading the whole day…';
    let whole = true;
    try {
      await loadAll();
    } catch {
      whole = false;
    }
    // Another topic chosen meanwhile: that choice says what to show.
    if (select.value !== topic) return;
    const { shown, of } = applyFilter();
    const name = select.selectedOptions[0]?.textContent?.replace(/\s*\(\d+\)$/, '') ?? topic;
    status.textContent = whole ? `${shown} of ${of} papers on ${name}.` : `${shown} papers on ${name} on the pages loaded: the rest of the day could not be loaded.`;
  }

  select.addEventListener('change', () => void filterBy(select.value));
  const asked = new URL(location.href).searchParams.get('topic');
  if (asked && [...select.options].some((o) => o.value === asked)) void filterBy(asked);
}
