/**
 * Ingest's progress display on stderr (stdout stays for the summary or JSON). On a
 * terminal it is a bar per stage. Elsewhere (CI logs, pipes, files) a bar cannot
 * redraw, so it prints a line at every 10% of work big enough to wait for, and
 * nothing for small runs, whose summary follows within a second.
 */
import cliProgress from 'cli-progress';
import type { IngestProgress } from '../src/papers/ingest.ts';

/** Below these sizes a non-terminal run prints no progress lines. */
const QUIET_BELOW = { parsing: 100_000, writing: 1_000 } as const;

export function progressDisplay(stream: NodeJS.WriteStream): { update: (event: IngestProgress) => void; stop: () => void } {
  return stream.isTTY ? barDisplay(stream) : lineDisplay(stream);
}

function label(event: IngestProgress): string {
  return event.stage === 'parsing' ? `parsing ${event.file}` : 'writing papers';
}

function barDisplay(stream: NodeJS.WriteStream) {
  let bar: cliProgress.SingleBar | null = null;
  let current = '';
  const stop = () => {
    bar?.stop();
    bar = null;
  };
  return {
    update(event: IngestProgress) {
      const name = label(event);
      if (name !== current || bar === null) {
        stop();
        current = name;
        bar = new cliProgress.SingleBar({ stream, format: `${name} [{bar}] {percentage}% {value}/{total}` }, cliProgress.Presets.shades_classic);
        bar.start(event.total, 0);
      }
      // The bar redraws from update() itself, so it moves even while parsing blocks the event loop.
      bar.update(event.done);
    },
    stop,
  };
}

function lineDisplay(stream: NodeJS.WriteStream) {
  let current = '';
  let lastStep = -1;
  return {
    update(event: IngestProgress) {
      if (event.total < QUIET_BELOW[event.stage]) return;
      const name = label(event);
      if (name !== current) {
        current = name;
        lastStep = -1;
      }
      const step = Math.floor((10 * event.done) / event.total);
      if (step === lastStep) return;
      lastStep = step;
      const unit = event.stage === 'parsing' ? ' lines' : '';
      stream.write(`${name}: ${step * 10}% (${event.done.toLocaleString('en')}/${event.total.toLocaleString('en')}${unit})\n`);
    },
    stop() {},
  };
}
