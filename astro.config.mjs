// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

import { env, PAGE_CONCURRENCY, SettingError, siteAddress } from './src/config.ts';
import { sitemap } from './src/site/sitemap.ts';
import { relatedPapersAhead } from './src/site/related-integration.ts';
import { buildGates } from './src/site/build-gates.ts';

// SITE_URL / BASE_PATH let the same build be deployed at a domain root or under a
// sub-path (e.g. GitHub Pages project sites); pages build links from BASE_URL.
let address;
try {
  address = siteAddress();
  env.paperPages();
} catch (error) {
  if (!(error instanceof SettingError)) throw error;
  // A setting the maintainer gave: one line saying what is wrong, no stack trace.
  console.error(`paper-digest: ${error.message}`);
  process.exit(1);
}

export default defineConfig({
  site: address.origin,
  base: address.base,
  trailingSlash: 'always',
  output: 'static',
  // Related papers are worked out in a worker thread from the start of a build (src/site/related-integration.ts).
  // The bundles of paper articles (src/pages/paper-data) are data for the not-found page, not pages.
  // A build started by scripts/build-site.ts reads the papers and writes into `dist/` when that
  // script says it may (src/site/build-gates.ts): its gates come first, before the worker starts.
  integrations: [buildGates(), relatedPapersAhead(), mdx(), sitemap({ exclude: (page) => /\/paper-data\/\d+\/$/.test(page) })],
  // Astro's log, with the pages an incremental build kept counted rather than listed.
  logger: { entrypoint: new URL('./src/site/build-log.mjs', import.meta.url) },
  // CSS stays in files the page links; small stylesheets are not inlined.
  build: { inlineStylesheets: 'never', concurrency: PAGE_CONCURRENCY },
  vite: {
    build: {
      // Scripts in files too: cached once for every page, instead of repeated in each page's
      // HTML and in every page's CSP hash list.
      assetsInlineLimit: 0,
      // `dist/` is kept between builds: with the incremental build below, a page whose cache
      // key (src/data/cache-key.ts) and route code are unchanged is neither rendered nor
      // written, its file left as it was; scripts/build-site.ts removes pages no longer built
      // and starts from an empty folder when `dist/` is not the last build's.
      emptyOutDir: false,
      // The reader's layer (src/personal) that paper pages and cards load, as one file rather
      // than six: each file costs its own request and compression overhead, and a paper page's
      // scripts must stay under 5 KB gzipped (docs/personal.md). Only modules that do nothing
      // when imported belong here: a shared chunk runs all of its modules.
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [{ name: 'personal', test: /(src[\\/]personal[\\/](client[\\/](store|notice|announce|paper-facts|keep-offline|save-buttons|upgrade)|migrate|snapshot|stored|version|visits|words|watch)\.ts|idb-keyval)/ }],
          },
        },
      },
    },
  },
  experimental: { incrementalBuild: true },
  // Two files with the same name in different folders would share a slug; by
  // default Astro only warns and keeps one of them.
  prerenderConflictBehavior: 'error',
});
