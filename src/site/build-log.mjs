// @ts-check
/**
 * Astro's log (astro.config.mjs `logger`) without a line for each page an incremental build left
 * as it was: at 30,000 papers a day's rebuild keeps 31,000 pages, whose two log messages each
 * cost half a second of `astro build` and filled its log. They are counted in one line instead; pages
 * rendered are listed one a line, and everything else goes to Astro's own Node logger unchanged.
 * Astro ends a rendered page's line with its render time once the page is written, but it renders
 * several pages at once (`build.concurrency`), so that the time would land on another page's line:
 * times are left out. JavaScript, not TypeScript: Astro loads a logger before it can compile anything.
 */
import nodeLogger from 'astro/logger/node';

/** @typedef {Parameters<ReturnType<typeof nodeLogger>['write']>[0]} LogEvent */

/** A rendered page's time, which Astro writes after the page (ANSI colours around it). */
const RENDER_TIME = /^\s*(\u001b\[\d+m)*\(\+[^)]*\)(\u001b\[\d+m)*\s*$/;

/** @param {Parameters<typeof nodeLogger>[0]} config */
export default function buildLog(config) {
  return keptPagesCounted(nodeLogger(config));
}

/**
 * `node` with each kept page's two messages (its path, then "(cached)" or "(restored)") left out
 * and counted in one line, written before the next message that is shown.
 * @param {{ write: (event: LogEvent) => void }} node
 */
export function keptPagesCounted(node) {
  /** @type {LogEvent | null} A page's line, held until the next message says whether the page was kept. */
  let page = null;
  let kept = 0;
  const count = () => {
    if (kept > 0) node.write({ label: null, level: 'info', message: `  ${kept} page(s) unchanged, not rendered again`, newLine: true });
    kept = 0;
  };
  /** @param {LogEvent} event */
  const show = (event) => {
    count();
    node.write(event);
  };
  return {
    /** @param {LogEvent} event */
    write(event) {
      const held = page;
      page = null;
      if (held !== null && event.label === 'SKIP_FORMAT' && /\((cached|restored)\)/.test(event.message)) {
        kept++;
        return;
      }
      if (held !== null) show(held);
      if (event.label === 'SKIP_FORMAT' && RENDER_TIME.test(event.message)) return;
      if (event.level === 'info' && !event.newLine && event.message.includes('├─')) {
        // Astro says a page was kept right after naming it; a page it renders is shown as it starts.
        const line = { ...event, newLine: true };
        page = line;
        queueMicrotask(() => {
          if (page !== line) return;
          page = null;
          show(line);
        });
      } else show(event);
    },
    /** Shows what is held: a page named last, pages counted since the last message. */
    flush() {
      const held = page;
      page = null;
      if (held !== null) show(held);
      else count();
    },
  };
}
