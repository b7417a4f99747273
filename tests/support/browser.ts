/**
 * The browser fixture: the built site served on 127.0.0.1, one Chromium per test file,
 * a fresh context (own storage, permissions and preferences) per page asked for.
 *
 * Every step waits for its event or state (a page's load event, an element, a worker's
 * state), never for a fixed time. Playwright's own 30 s limit per step is raised to a hang
 * guard: on a loaded machine a page load may take far longer than 30 s and must still pass;
 * a step that never finishes still fails, naming the step.
 *
 * Every request to any other host is aborted and recorded, and so is every console error,
 * uncaught exception and Content-Security-Policy violation. After each test the fixture
 * fails the test if anything was recorded, so every page any test visits is also checked
 * for "no external requests, no errors".
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { builtSite, type BuiltSite } from './built-site.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * How long one browser step (a navigation, a wait, a click) may take before it counts as
 * hung: a hang guard far above any real step, not a speed limit. Whole tests have their
 * own, larger guard (vitest.config.ts).
 */
export const STEP_HANG_GUARD_MS = 120_000;

/** Chromium as every browser test runs it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  });
}

/** Gives a context's steps the hang guard in place of Playwright's 30 s, and returns it. */
export function withHangGuard(context: BrowserContext): BrowserContext {
  context.setDefaultTimeout(STEP_HANG_GUARD_MS);
  context.setDefaultNavigationTimeout(STEP_HANG_GUARD_MS);
  return context;
}

/** A new browser context whose steps wait on events and states, with only the hang guard as a limit. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return withHangGuard(await browser.newContext(options));
}

export interface Site {
  readonly built: BuiltSite;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The address of a site path, given without the base path: `url('search/?q=x')`. */
  url(path?: string): string;
  /** A new page in a new context. `bypassCSP` is for injecting test tools (axe) only. */
  page(options?: BrowserContextOptions): Promise<Page>;
  /** Problems seen since the test began: off-site requests, console errors, CSP violations. */
  readonly problems: string[];
}

/**
 * Registers the hooks that build, serve and launch for this test file, and returns the
 * site handle (usable inside tests and hooks, once beforeAll has run).
 * @param build the site to serve: the shared test build unless a test file brings its own
 */
export function useSite(build: () => Promise<BuiltSite> = builtSite): Site {
  let built: BuiltSite;
  let server: StaticServer;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    built = await build();
    server = await serveStatic(built.dir, built.basePath);
    browser = await launchChromium();
  });

  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
    const seen = problems.splice(0);
    expect(seen, 'off-site requests, console errors or CSP violations on the pages visited').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const site: Site = {
    get built() {
      return built;
    },
    get origin() {
      return server.origin;
    },
    url: (path = '') => `${server.origin}${built.basePath}${path}`,
    problems,
    async page(options = {}) {
      const context = await newContext(browser, options);
      contexts.push(context);
      await watch(context, server.origin, problems);
      return context.newPage();
    },
  };
  return site;
}

async function watch(context: BrowserContext, origin: string, problems: string[]): Promise<void> {
  const offsite = (url: URL) => /^(https?|wss?):$/.test(url.protocol) && url.origin !== origin;
  await context.route(offsite, async (route) => {
    problems.push(`off-site request: ${route.request().method()} ${route.request().url()}`);
    await route.abort('blockedbyclient');
  });
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const source = message.location().url;
    problems.push(`console error on ${message.page()?.url()}: ${message.text()}${source ? ` (${source})` : ''}`);
  });
  context.on('weberror', (error) => problems.push(`uncaught error on ${error.page()?.url()}: ${error.error().message}`));
  // Chromium reports most violations on the console too; this catches the rest.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
}

/** The search page's results have settled: the search for the current URL has finished and rendered. */
export async function searchSettled(page: Page): Promise<void> {
  await page.locator('#search-results:not([aria-busy])').waitFor({ state: 'attached' });
}
