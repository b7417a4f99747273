/**
 * The inline script that applies a theme the reader chose (stored by src/site/client/site.ts)
 * before first paint, so the page never flashes the other theme. One string, so the page
 * and its CSP hash (src/site/csp.ts) always agree.
 *
 * It also marks the page as scripted (class `js`), so links to pages that only work with
 * JavaScript show only where it runs, with no shift after load.
 */
export const THEME_SCRIPT =
  "document.documentElement.classList.add('js');try{const t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}";
