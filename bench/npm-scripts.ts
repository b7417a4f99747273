/**
 * The commands an `npm run <name>` executes, read from package.json at run time, so the
 * benchmark times each step of the build (ingest, astro build, search index…) as the
 * project defines them today, without knowing them in advance.
 */

export interface Step {
  /** The script's name when a step is a whole script, else the command itself. */
  label: string;
  command: string;
}

type Scripts = Record<string, string | undefined>;

const NPM_RUN = /^npm run(?:\s+(?:-s|--silent))?\s+([\w:.@/-]+)$/;
// Shell syntax other than a plain `a && b` chain: such a script is run as one step.
const COMPLEX = /\|\||[;|()`<>]|\$\(|'|"/;

/**
 * `npm run build` with `"build": "npm run ingest && astro build"` is
 * `[{ingest: node scripts/ingest.ts}, {astro build}]`, with `prebuild`/`postbuild` hooks
 * around it as npm runs them.
 */
export function expandScript(scripts: Scripts, name: string, seen: string[] = []): Step[] {
  const body = scripts[name];
  if (body === undefined) throw new Error(`package.json has no "${name}" script`);
  if (seen.includes(name)) throw new Error(`scripts call each other in a loop: ${[...seen, name].join(' → ')}`);
  const hook = (prefix: string) => (scripts[prefix + name] === undefined ? [] : expandBody(scripts, prefix + name, [...seen, name]));
  return [...hook('pre'), ...expandBody(scripts, name, seen), ...hook('post')];
}

function expandBody(scripts: Scripts, name: string, seen: string[]): Step[] {
  const body = scripts[name]!.trim();
  const parts = COMPLEX.test(body) ? [body] : body.split('&&').map((part) => part.trim());
  if (parts.length === 1 && !NPM_RUN.test(parts[0]!)) return [{ label: name, command: body }];
  return parts.flatMap((part) => {
    const called = NPM_RUN.exec(part);
    return called ? expandScript(scripts, called[1]!, [...seen, name]) : [{ label: part, command: part }];
  });
}
