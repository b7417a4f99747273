// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { DEFAULT_SITE_URL } from './src/config.ts';

// SITE_URL / BASE_PATH let the same build be deployed at a domain root or under a
// sub-path (e.g. GitHub Pages project sites); pages build links from BASE_URL.
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site: process.env.SITE_URL || DEFAULT_SITE_URL,
  base: base.endsWith('/') ? base : `${base}/`,
  trailingSlash: 'always',
  output: 'static',
  integrations: [mdx(), sitemap()],
  // CSS stays in files the page links; small stylesheets are not inlined.
  build: { inlineStylesheets: 'never' },
  // Scripts in files too: cached once for every page, instead of repeated in each page's
  // HTML and in every page's CSP hash list.
  vite: { build: { assetsInlineLimit: 0 } },
  // Two files with the same name in different folders would share a slug; by
  // default Astro only warns and keeps one of them.
  prerenderConflictBehavior: 'error',
});
