/**
 * Catch-up (src/components/CatchUp.astro, on the home page and at /catch-up/): the papers
 * first listed since the reader's last visit, read from the day files of the days since.
 */
import { formatDay } from '../../utils/format-date.ts';
import { CATCH_UP_MAX_DAYS, catchUp, caughtUp, daysToRead } from '../catch-up.ts';
import { readDays } from './day-files.ts';
import { renderPapers } from './paper-list.ts';
import { markSeen, noticeIfNotKept, seenAmong, setVisits, visits } from './store.ts';

const section = document.querySelector<HTMLElement>('[data-catch-up]')!;
const full = section.dataset.catchUp === 'page';
const summary = section.querySelector<HTMLElement>('[data-catch-up-summary]')!;
const list = section.querySelector<HTMLOListElement>('[data-catch-up-list]')!;
const more = section.querySelector<HTMLAnchorElement>('[data-catch-up-more]');
const markAll = section.querySelector<HTMLButtonElement>('[data-catch-up-mark]')!;
const HOME_COUNT = 5;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// "Mark all as seen" while an earlier show() still waits for day files makes that one stale.
let generation = 0;

async function show(): Promise<void> {
  const mine = ++generation;
  const visit = await visits();
  if (!visit.last) {
    summary.textContent = 'Welcome. From your next visit on a new digest day, the papers first listed since today are gathered here.';
    section.hidden = !full;
    return;
  }
  const { days, cut } = daysToRead(section.dataset.days!.split(' '), visit.last);
  const { papers: all, missing } = await readDays(days);
  const seen = await seenAmong(all.map((p) => p.slug));
  if (mine !== generation) return;
  const papers = catchUp(all, visit.last);
  if (papers.length === 0 && missing.length === 0) {
    summary.textContent = `You are caught up: nothing has been listed since your last visit (the digest of ${formatDay(visit.last)}).`;
    list.replaceChildren();
    markAll.hidden = true;
    if (more) more.hidden = true;
    section.hidden = !full;
    return;
  }
  const shown = full ? papers : papers.slice(0, HOME_COUNT);
  summary.textContent =
    `${plural(papers.length, 'paper')} first listed since your last visit (the digest of ${formatDay(visit.last)}), ` +
    `from ${plural(days.length - missing.length, 'digest day')}, most upvoted first.` +
    (cut ? ` It has been more than ${CATCH_UP_MAX_DAYS} digest days: these are the papers of the latest ${CATCH_UP_MAX_DAYS}.` : '') +
    (missing.length ? ` ${plural(missing.length, 'day')} could not be loaded (${missing.map(formatDay).join(', ')}); connect and reload to see them.` : '');
  renderPapers(
    list,
    shown.map((p) => ({
      slug: p.slug,
      title: p.title,
      topics: p.topics,
      day: { label: 'listed', date: p.firstListed },
      upvotes: p.upvotes,
      notes: p.appearances > 1 ? [`on ${p.appearances} digest days`] : [],
    })),
    seen,
    full ? 2 : 3,
  );
  if (more) {
    more.hidden = papers.length <= shown.length;
    more.textContent = `All ${plural(papers.length, 'new paper')}`;
  }
  markAll.hidden = false;
  markAll.onclick = async () => {
    markAll.disabled = true;
    await markSeen(papers.map((p) => p.slug));
    await setVisits(caughtUp(visit));
    markAll.disabled = false;
    await show();
    summary.focus();
  };
  section.hidden = false;
}

if (full) void noticeIfNotKept();
void show();
