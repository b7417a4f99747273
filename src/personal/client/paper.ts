/**
 * The paper page: opening it marks the paper seen, and its topics and organisation can be
 * watched from here (toggles under the topic chips, made by this script).
 */
import { makeRule, ruleKey } from '../watch.ts';
import { announce } from './announce.ts';
import { paperFacts } from './paper-facts.ts';
import { changeWatchRules, markSeen, watchRules } from './store.ts';

const paper = document.querySelector<HTMLElement>('article[data-paper]');

async function addWatchToggles(article: HTMLElement): Promise<void> {
  const place = article.querySelector<HTMLElement>('[data-watch-toggles]');
  if (!place) return;
  const facts = paperFacts(article, 0);
  const org = article.querySelector<HTMLElement>('[data-paper-org]')?.textContent?.trim();
  const chips = [...article.querySelectorAll<HTMLAnchorElement>('a[href*="/topics/"]')];
  const choices = [
    ...facts.topics.map((topic, i) => ({ label: chips[i]?.textContent?.trim() ?? topic, parts: { topic } })),
    ...(org ? [{ label: org, parts: { org } }] : []),
  ];
  if (choices.length === 0) return;
  const watched = new Set((await watchRules()).map(ruleKey));
  const label = document.createElement('span');
  label.textContent = 'Watch for new papers:';
  place.append(label);
  for (const { label: name, parts } of choices) {
    const key = ruleKey(parts);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'watch-toggle';
    button.textContent = name;
    button.setAttribute('aria-pressed', String(watched.has(key)));
    button.addEventListener('click', () => {
      const on = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', String(on));
      const rule = makeRule(parts, Date.now())!;
      void changeWatchRules((rules) => [...rules.filter((r) => ruleKey(r) !== key), ...(on ? [rule] : [])]);
      announce(`${on ? 'Watching' : 'Not watching'} ${name}`);
    });
    place.append(button);
  }
  place.hidden = false;
}

if (paper) {
  void markSeen([paper.dataset.paper!]);
  void addWatchToggles(paper);
}
