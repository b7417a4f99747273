// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// SITE_URL / BASE_PATH let the same build be deployed at a domain root or under a
// sub-path (e.g. GitHub Pages project sites); pages build links from BASE_URL.
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  output: 'static',
  integrations: [mdx()],
  // Astro inlines small stylesheets by default; keep CSS in files so a strict
  // Content-Security-Policy (style-src 'self') works without hashes.
  build: { inlineStylesheets: 'never' },
  // Two files with the same name in different folders would share a slug; by
  // default Astro only warns and keeps one of them.
  prerenderConflictBehavior: 'error',
});
