/**
 * The paper page: opening it marks the paper seen, and each of its topic chips (and its
 * organisation) gets a small toggle to watch it, made by this script.
 */
import { makeRule, ruleKey } from '../watch.ts';
import { announce } from './announce.ts';
import { changeWatchRules, markSeen, watchRules } from './store.ts';

const paper = document.querySelector<HTMLElement>('article[data-paper]');

async function addWatchToggles(article: HTMLElement): Promise<void> {
  const org = article.querySelector<HTMLElement>('[data-paper-org]');
  const choices = [
    ...[...article.querySelectorAll<HTMLAnchorElement>('a.chip[href*="/topics/"]')].map((chip) => ({ after: chip, name: chip.textContent!.trim(), parts: { topic: chip.pathname.split('/').at(-2) } })),
    ...(org ? [{ after: org.lastChild!, name: org.textContent!.trim(), parts: { org: org.textContent!.trim() } }] : []),
  ];
  const watched = new Set((await watchRules()).map(ruleKey));
  for (const { after, name, parts } of choices) {
    const key = ruleKey(parts);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'watch-toggle';
    button.title = `Watch ${name}: its new papers are highlighted on digests`;
    button.setAttribute('aria-label', `Watch ${name}`);
    button.setAttribute('aria-pressed', String(watched.has(key)));
    button.addEventListener('click', () => {
      const on = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', String(on));
      const rule = makeRule(parts, Date.now())!;
      void changeWatchRules((rules) => [...rules.filter((r) => ruleKey(r) !== key), ...(on ? [rule] : [])]);
      announce(`${on ? 'Watching' : 'Not watching'} ${name}`);
    });
    (after as ChildNode).after(button);
  }
  const chips = article.querySelector('.chips');
  if (chips) chips.after(Object.assign(document.createElement('p'), { className: 'watch-hint', textContent: '+ watches a topic or organisation: its new papers stand out on the digests.' }));
}

if (paper) {
  void markSeen([paper.dataset.paper!]);
  void addWatchToggles(paper);
}
