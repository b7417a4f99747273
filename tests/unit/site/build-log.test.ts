import { describe, expect, it } from 'vitest';
import { keptPagesCounted } from '../../../src/site/build-log.mjs';

type Event = Parameters<ReturnType<typeof keptPagesCounted>['write']>[0];
const page = (path: string): Event => ({ label: null, level: 'info', message: `  \u001b[32m├─\u001b[39m \u001b[2m${path}\u001b[22m`, newLine: false });
const kept = (word = 'cached'): Event => ({ label: 'SKIP_FORMAT', level: 'info', message: ` \u001b[32m(${word})\u001b[39m`, newLine: true });
const rendered: Event = { label: 'SKIP_FORMAT', level: 'info', message: ' \u001b[2m(+2ms)\u001b[22m ', newLine: true };
const line = (message: string, level: Event['level'] = 'info'): Event => ({ label: 'build', level, message, newLine: true });

function logging() {
  const out: string[] = [];
  return { out, log: keptPagesCounted({ write: (e) => out.push(e.message.replace(/\u001b\[\d+m/g, '').trim()) }) };
}

function logged(events: Event[]): string[] {
  const { out, log } = logging();
  for (const e of events) log.write(e);
  return out;
}

describe("the build's log", () => {
  it('counts the pages the incremental build kept in one line, and lists the pages it rendered', () => {
    expect(logged([line('generating'), page('/a/'), kept(), page('/b/'), kept('restored'), page('/c/'), rendered, page('/d/'), kept(), line('Completed in 3s.')])).toEqual([
      'generating',
      '2 page(s) unchanged, not rendered again',
      '├─ /c/',
      '1 page(s) unchanged, not rendered again',
      'Completed in 3s.',
    ]);
  });

  it('passes every other message through as it came, warnings and errors included', () => {
    const events = [line('Synced content'), line('a warning', 'warn'), page('/x/'), rendered, line('an error', 'error')];
    expect(logged(events)).toEqual(['Synced content', 'a warning', '├─ /x/', 'an error']);
  });

  it('gives each page rendered at the same time a line of its own, without render times that would land on the wrong line', async () => {
    const { out, log } = logging();
    const ends: boolean[] = [];
    const writes = { write: (e: Event) => ends.push(e.newLine) };
    const lines = keptPagesCounted(writes);
    for (const target of [log, lines]) {
      target.write(page('/a/'));
      await Promise.resolve();
      target.write(page('/b/'));
      target.write(kept());
      target.write(page('/c/'));
      await Promise.resolve();
      target.write(rendered);
      target.write({ ...rendered, message: ' \u001b[31m(+1.20s)\u001b[39m ' });
      target.write({ ...rendered, message: ' (+3ms) (file not created, response body was empty)' });
    }
    expect(out).toEqual(['├─ /a/', '1 page(s) unchanged, not rendered again', '├─ /c/', '(+3ms) (file not created, response body was empty)']);
    expect(ends.slice(0, 3)).toEqual([true, true, true]);
  });

  it('shows a page it is rendering as it starts, as Astro does, and what it holds when flushed', async () => {
    const { out, log } = logging();
    log.write(page('/kept/'));
    log.write(kept());
    log.write(page('/being-rendered/'));
    await Promise.resolve();
    expect(out).toEqual(['1 page(s) unchanged, not rendered again', '├─ /being-rendered/']);
    log.write(page('/last/'));
    log.write(kept());
    log.flush();
    expect(out.at(-1)).toBe('1 page(s) unchanged, not rendered again');
  });
});
