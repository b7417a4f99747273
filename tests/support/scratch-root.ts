/**
 * Vitest global setup: every test run gets one scratch folder, and `os.tmpdir()` points into
 * it for the whole run (workers, the `astro build`s and Chromium profiles they start), so the
 * dozens of temporary sites and copies a run makes are removed together at its end instead of
 * piling up in /tmp. KEEP_TEST_TMP=1 keeps the folder to look at after a failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'paper-digest-tests-'));
  process.env.TMPDIR = root;
  return () => {
    if (process.env.KEEP_TEST_TMP) console.log(`test scratch files kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
