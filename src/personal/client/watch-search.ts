/**
 * "Watch this search" on the search page: the query's words, with its topic and organisation
 * filters, become one watch. The button follows the form, pressed when that search is watched.
 */
import { makeRule, ruleKey } from '../watch.ts';
import { announce } from './announce.ts';
import { changeWatchRules, watchRules } from './store.ts';

const form = document.querySelector<HTMLFormElement>('#search-form');

/** The search as a watch: its words, its topic (the filter's value is the topic's slug) and its organisation, by name as papers carry it. */
function currentRule() {
  const topic = form!.querySelector<HTMLSelectElement>('select[name=topic]')?.value;
  const org = form!.querySelector<HTMLSelectElement>('select[name=organisation]')?.selectedOptions[0];
  return makeRule({ words: form!.querySelector<HTMLInputElement>('input[name=q]')?.value, topic, org: org?.value ? org.dataset.label : null }, Date.now());
}

if (form) {
  const button = Object.assign(document.createElement('button'), { type: 'button', className: 'button watch-search' });
  button.hidden = true;
  document.querySelector('#search-status')?.after(button);
  let watched = new Set<string>();
  const sync = () => {
    const rule = currentRule();
    button.hidden = !rule;
    const on = rule !== null && watched.has(ruleKey(rule));
    button.setAttribute('aria-pressed', String(on));
    button.textContent = on ? 'Watching this search' : 'Watch this search';
  };
  button.addEventListener('click', async () => {
    const rule = currentRule();
    if (!rule) return;
    const key = ruleKey(rule);
    const on = !watched.has(key);
    if (on) watched.add(key);
    else watched.delete(key);
    sync();
    await changeWatchRules((rules) => [...rules.filter((r) => ruleKey(r) !== key), ...(on ? [rule] : [])]);
    announce(on ? 'Watching this search: papers of new digests that match are highlighted and listed on your Watchlist page.' : 'No longer watching this search.');
  });
  form.addEventListener('input', sync);
  // The search script fills the form from the address once its index has loaded, and after
  // history steps: each ends a search, so the button follows every finished search too.
  const results = document.querySelector('#search-results');
  if (results) new MutationObserver(sync).observe(results, { attributes: true, attributeFilter: ['aria-busy'] });
  void watchRules().then((rules) => {
    watched = new Set(rules.map(ruleKey));
    sync();
  });
}
