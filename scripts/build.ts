/**
 * `npm run build [-- --out-dir DIR] [listings…]`: ingest, and the site (scripts/build-site.ts)
 * from what ingest wrote. The two start together: the site's build starts `astro build`, which
 * loads its config and modules meanwhile, and asks before anything reads the papers or touches
 * `dist/` (src/site/build-gates.ts); it is answered once ingest is done, or told that ingest
 * failed, and then stops with `dist/` as it was.
 * Ingest runs as the build runs it (`--build`): a capture that cannot be read is reported but
 * does not stop the site from being built from everything that could be read; a paper file
 * that cannot be read or written does (docs/security.md). Ingest's problems are printed again
 * at the very end, after the site's own output, where a maintainer looks.
 */
import { spawn } from 'node:child_process';
import { Command } from 'commander';
import { BUILD_SITE_NODE_FLAGS } from '../src/config.ts';
import { BUILD_GATES_ENV, GATES } from '../src/site/build-gates.ts';

const program = new Command('build')
  .description('Ingest the listings, then build the site.')
  .argument('[paths...]', 'listing files or folders for ingest (default content/listings)')
  .option('--out-dir <dir>', 'where the site is written', 'dist')
  .parse();
const opts = program.opts<{ outDir: string }>();
const listings = program.processedArgs[0] as string[];

/** A script run with the pinned Node (and these flags): stdout passed through and, if asked, kept; asked questions answered by `answer`. */
function run(script: string, args: string[], { keepStdout = false, nodeFlags = [] as string[], answer }: { keepStdout?: boolean; nodeFlags?: string[]; answer?: (question: unknown) => Promise<string> } = {}): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, script, ...args], {
      stdio: ['inherit', keepStdout ? 'pipe' : 'inherit', 'inherit', ...(answer ? ['ipc' as const] : [])],
      env: answer ? { ...process.env, [BUILD_GATES_ENV]: '1' } : process.env,
    });
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.on('message', (question) => void answer?.(question).then((reply) => child.connected && child.send(reply, () => {})));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), stdout }));
  });
}

const ingesting = run('scripts/ingest.ts', ['--build', ...listings], { keepStdout: true });
const site = await run('scripts/build-site.ts', ['--out-dir', opts.outDir], {
  nodeFlags: BUILD_SITE_NODE_FLAGS,
  answer: async (question) => {
    if (question !== GATES.papers.ask) return new Promise<string>(() => {});
    return (await ingesting).code === 0 ? GATES.papers.ready : GATES.papers.failed;
  },
});
const ingest = await ingesting;
if (ingest.code !== 0) {
  console.error(`The build stopped: ingest exited with code ${ingest.code}; its message above says why (docs/security.md lists what stops a build).`);
  process.exit(ingest.code);
}
if (site.code !== 0) process.exit(site.code);

// The summary's problem section ("Warnings: n" to the end), without the annotation lines.
const lines = ingest.stdout.split('\n');
const start = lines.findIndex((l) => /^Warnings: \d+$/.test(l));
const section = start === -1 ? [] : lines.slice(start).filter((l) => l !== '' && !l.startsWith('::'));
if (section.some((l) => /^(Warnings|Errors): [1-9]/.test(l))) {
  console.log(['', 'Ingest problems:', ...section, 'The site was built without what these problems name: fix or replace those captures and build again (docs/ingest.md).'].join('\n'));
}
