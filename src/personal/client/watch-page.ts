/**
 * /watch/: add and remove watches, and the papers of the latest digest days that match them,
 * newest day first, each with the watches it matched.
 */
import { describeRule, matchingRules } from '../watch-match.ts';
import { makeRule, ruleKey, type WatchRule } from '../watch.ts';
import { announce } from './announce.ts';
import { readDays, topicName } from './day-files.ts';
import { renderPapers } from './paper-list.ts';
import { changeWatchRules, noticeIfNotKept, seenAmong, watchRules } from './store.ts';

const root = document.querySelector<HTMLElement>('[data-watch]')!;
const form = root.querySelector<HTMLFormElement>('[data-watch-form]')!;
const status = root.querySelector<HTMLElement>('[data-watch-status]')!;
const rulesList = root.querySelector<HTMLUListElement>('[data-watch-rules]')!;
const summary = root.querySelector<HTMLElement>('[data-watch-summary]')!;
const list = root.querySelector<HTMLOListElement>('[data-watch-list]')!;
const days = root.dataset.days!.split(' ').filter(Boolean);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function showRules(rules: WatchRule[]): void {
  rulesList.replaceChildren(
    ...rules.map((rule) => {
      const item = document.createElement('li');
      const what = describeRule(rule, topicName);
      const remove = Object.assign(document.createElement('button'), { type: 'button', className: 'button', textContent: 'Stop watching' });
      remove.setAttribute('aria-label', `Stop watching ${what}`);
      remove.addEventListener('click', async () => {
        await changeWatchRules((all) => all.filter((r) => ruleKey(r) !== ruleKey(rule)));
        announce(`No longer watching ${what}.`);
        await show();
      });
      item.append(Object.assign(document.createElement('span'), { textContent: what }), remove);
      return item;
    }),
  );
}

// A change made while an earlier show() still waits for day files makes that one stale.
let generation = 0;

async function show(): Promise<void> {
  const mine = ++generation;
  const rules = await watchRules();
  if (mine !== generation) return;
  showRules(rules);
  if (rules.length === 0) {
    summary.textContent = 'You watch nothing yet.';
    list.replaceChildren();
    return;
  }
  const { papers, missing } = await readDays(days);
  if (mine !== generation) return;
  const found = papers.flatMap((paper) => {
    const matched = matchingRules(rules, paper);
    return matched.length ? [{ paper, matched }] : [];
  });
  found.sort((a, b) => b.paper.day.localeCompare(a.paper.day) || a.paper.rank - b.paper.rank);
  summary.textContent =
    `${plural(found.length, 'paper')} in the latest ${plural(days.length - missing.length, 'digest day')} match your watchlist.` +
    (missing.length ? ` ${plural(missing.length, 'day')} could not be loaded; connect and reload to see them.` : '');
  const seen = await seenAmong(found.map((f) => f.paper.slug));
  if (mine !== generation) return;
  renderPapers(
    list,
    found.map(({ paper, matched }) => ({
      slug: paper.slug,
      title: paper.title,
      topics: paper.topics,
      day: { label: 'listed', date: paper.day },
      upvotes: paper.upvotes,
      notes: [`matches ${matched.map((r) => describeRule(r, topicName)).join(', ')}`],
    })),
    seen,
  );
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const rule = makeRule({ words: String(data.get('words') ?? ''), topic: String(data.get('topic') ?? ''), org: String(data.get('org') ?? '') }, Date.now());
  if (!rule) {
    status.textContent = 'Type a word or an organisation, or pick a topic, to watch.';
    return;
  }
  const known = (await watchRules()).some((r) => ruleKey(r) === ruleKey(rule));
  if (!known) await changeWatchRules((all) => [...all, rule]);
  status.textContent = known ? `You already watch ${describeRule(rule, topicName)}.` : `Watching ${describeRule(rule, topicName)}.`;
  form.reset();
  await show();
});

root.hidden = false;
void noticeIfNotKept();
void show();
