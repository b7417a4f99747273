/**
 * The inline script that applies what the reader chose before first paint, so the page never
 * flashes the other look: the theme (stored by src/site/client/site.ts) and the digest view
 * (src/site/view-choice.ts, stored by src/site/client/day.ts). One string, so the page and its
 * CSP hash (src/site/csp.ts) always agree. It also marks the page as scripted (class `js`), so
 * links to pages that only work with JavaScript show only where it runs, with no shift after load.
 */
import { VIEW_KEY } from './view-choice.ts';

export const THEME_SCRIPT =
  `document.documentElement.classList.add('js');try{const d=document.documentElement,t=localStorage.getItem('theme'),v=localStorage.getItem('${VIEW_KEY}');` +
  "if(t==='light'||t==='dark')d.dataset.theme=t;if(v==='compact'||v==='full')d.dataset.view=v}catch{}";
