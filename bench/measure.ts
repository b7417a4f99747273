/**
 * Runs one shell command and measures it as a user would feel it: wall time, CPU time,
 * and the peak memory of the whole process tree (npm → node → workers → native binaries),
 * sampled from /proc, because a build's memory is spread over several processes.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';

export interface Measurement {
  command: string;
  exitCode: number;
  wallMs: number;
  /** User + system CPU time of the tree (processes that were waited for). */
  cpuMs: number;
  /** Largest sum of the resident memory of all live processes of the tree at one sample. */
  peakRssBytes: number;
  /** The processes at that peak, largest first: what the memory was spent on. */
  peakProcesses: Array<{ pid: number; name: string; rssBytes: number }>;
  /** The last lines of output, to explain a failure. */
  outputTail: string;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where the command's stdout and stderr go. */
  logFile: string;
  sampleEveryMs?: number;
}

const CLOCK_TICKS_PER_SECOND = 100;

export async function measureCommand(command: string, options: RunOptions): Promise<Measurement> {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  log.write(`$ ${command}\n`);
  let tail = '';
  const keepTail = (chunk: Buffer) => {
    log.write(chunk);
    tail = (tail + chunk.toString()).slice(-4000);
  };

  const cpuBefore = childCpuTicks();
  const started = performance.now();
  const child = spawn('sh', ['-c', command], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', keepTail);
  child.stderr.on('data', keepTail);

  let peak: Sample = { total: 0, processes: [] };
  const sample = () => {
    if (child.pid === undefined) return;
    const now = sampleTree(child.pid);
    if (now.total > peak.total) peak = now;
  };
  sample();
  const timer = setInterval(sample, options.sampleEveryMs ?? 50);
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  clearInterval(timer);
  const wallMs = performance.now() - started;
  await new Promise<void>((resolve) => log.end(resolve));

  return {
    command,
    exitCode,
    wallMs,
    cpuMs: ((childCpuTicks() - cpuBefore) * 1000) / CLOCK_TICKS_PER_SECOND,
    peakRssBytes: peak.total,
    peakProcesses: peak.processes.sort((a, b) => b.rssBytes - a.rssBytes).slice(0, 5),
    outputTail: tail.split('\n').slice(-30).join('\n'),
  };
}

interface Sample {
  total: number;
  processes: Measurement['peakProcesses'];
}

function sampleTree(root: number): Sample {
  const processes = descendants(root).flatMap((pid) => {
    const status = readProc(`/proc/${pid}/status`);
    const rss = status && /^VmRSS:\s+(\d+) kB/m.exec(status);
    return rss ? [{ pid, name: processName(pid), rssBytes: Number(rss[1]) * 1024 }] : [];
  });
  return { total: processes.reduce((sum, p) => sum + p.rssBytes, 0), processes };
}

/** The process and all its descendants, from each thread's `children` list. */
function descendants(root: number): number[] {
  const pids = [root];
  for (let i = 0; i < pids.length; i++) {
    let threads: string[];
    try {
      threads = readdirSync(`/proc/${pids[i]}/task`);
    } catch {
      continue; // exited since it was listed
    }
    for (const tid of threads) {
      const children = readProc(`/proc/${pids[i]}/task/${tid}/children`);
      if (children) for (const pid of children.trim().split(/\s+/).filter(Boolean)) pids.push(Number(pid));
    }
  }
  return pids;
}

/** `node astro.mjs`, `pagefind_extended`: the program, and the script for interpreters. */
function processName(pid: number): string {
  const argv = (readProc(`/proc/${pid}/cmdline`) ?? '').split('\0').filter(Boolean);
  const base = (arg: string | undefined) => arg?.split('/').at(-1) ?? '?';
  const program = base(argv[0]);
  return /^(node|sh|bash)$/.test(program) && argv[1] && !argv[1].startsWith('-') ? `${program} ${base(argv[1])}` : program;
}

function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** CPU ticks of this process's waited-for children (cutime + cstime). */
function childCpuTicks(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the parenthesised name; cutime and cstime are fields 16 and 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[13]) + Number(fields[14]);
}
