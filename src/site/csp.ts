/**
 * The Content-Security-Policy every page carries in a `<meta>` tag. Static hosts rarely let a
 * site set headers, so the policy travels in the HTML, first in `<head>`: a meta policy only
 * governs what follows it, so it must precede the one inline script (the theme, which runs
 * before first paint). That script is allowed by its SHA-256 hash; everything else the site runs
 * is a file of its own origin. WebAssembly is allowed for Pagefind's search.
 *
 * Written here rather than by Astro's `security.csp`, which hashes every script and stylesheet
 * the project might use (client directives, island runtimes, even external files) into every
 * page: about 600 bytes of each page's HTML, and it put the tag after the theme script.
 */
import { createHash } from 'node:crypto';

/** The hash source for an inline script, as CSP Level 2 defines it. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** The policy text: only this origin, the given inline scripts by hash, and WebAssembly. */
export function contentSecurityPolicy(inlineScripts: readonly string[]): string {
  return [
    "default-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...inlineScripts.map(scriptHash)].join(' '),
    "style-src 'self'",
  ].join(';');
}
