// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';

// SITE_URL / BASE_PATH let the same build be deployed at a domain root or under a
// sub-path (e.g. GitHub Pages project sites); pages build links from BASE_URL.
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base: base.endsWith('/') ? base : `${base}/`,
  trailingSlash: 'always',
  output: 'static',
  integrations: [mdx(), sitemap()],
  // CSS stays in files the page links; small stylesheets are not inlined.
  build: { inlineStylesheets: 'never' },
  // Scripts in files too: cached once for every page, instead of repeated in each page's
  // HTML and in every page's CSP hash list. `emptyOutDir: false` keeps `dist/` between builds: with the incremental build below, a page
  // whose cache key (src/data/cache-key.ts) and route code are unchanged is neither rendered
  // nor written, its file left as it was; scripts/build-site.ts removes pages no longer built.
  vite: { build: { assetsInlineLimit: 0, emptyOutDir: false } },
  experimental: { incrementalBuild: true },
  // Two files with the same name in different folders would share a slug; by
  // default Astro only warns and keeps one of them.
  prerenderConflictBehavior: 'error',
});
