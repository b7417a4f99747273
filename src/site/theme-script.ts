/**
 * The inline script that applies a theme the reader chose (stored by src/site/client/site.ts)
 * before first paint, so the page never flashes the other theme. One string, so the page
 * and its CSP hash (src/site/csp.ts) always agree.
 */
export const THEME_SCRIPT =
  "try{const t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}";
