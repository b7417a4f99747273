import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, scriptHash } from '../../../src/site/csp.ts';
import { THEME_SCRIPT } from '../../../src/site/theme-script.ts';

describe('contentSecurityPolicy', () => {
  it('hashes an inline script as CSP Level 2 does (the spec\'s own example)', () => {
    expect(scriptHash("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
  });

  it('allows the given inline scripts by hash, this origin and WebAssembly, and nothing inline by default', () => {
    const policy = contentSecurityPolicy([THEME_SCRIPT]);
    const directives = new Map(policy.split(';').map((d) => { const [name, ...sources] = d.trim().split(/\s+/); return [name!, sources]; }));
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", scriptHash(THEME_SCRIPT)]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
  });
});
