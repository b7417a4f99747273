import { describe, expect, it } from 'vitest';
import { escapeHtml, isHttpUrl, renderTextAsHtml } from '../../../src/site/render-text.ts';
import { excerpt } from '../../../src/utils/excerpt.ts';

/** Every '<' in the output must start one of the tags we emit on purpose. */
function onlyOurTags(html: string): boolean {
  return [...html.matchAll(/<[^>]*>/g)].every(([tag]) =>
    /^<(p|\/p|\/a|a href="[^"<>]*" rel="noopener noreferrer")>$/.test(tag),
  );
}

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

describe('renderTextAsHtml', () => {
  it('splits paragraphs on blank lines, including whitespace-only and CRLF ones', () => {
    const html = renderTextAsHtml('one\nstill one\r\n  \r\ntwo\n\n\n\nthree\n');
    expect(html).toBe('<p>one\nstill one</p>\n<p>two</p>\n<p>three</p>');
  });

  it('returns an empty string for empty or blank input', () => {
    expect(renderTextAsHtml('')).toBe('');
    expect(renderTextAsHtml(' \n\n \t')).toBe('');
  });

  it('keeps Markdown and LaTeX characters literally', () => {
    expect(renderTextAsHtml('$x^2$ at 50\\% with *stars* and _under_ [a](b)')).toBe(
      '<p>$x^2$ at 50\\% with *stars* and _under_ [a](b)</p>',
    );
  });

  it('escapes a script tag', () => {
    const html = renderTextAsHtml('<script>alert(1)</script>');
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('escapes an attribute breakout', () => {
    const html = renderTextAsHtml('"><img src=x onerror=alert(1)>');
    expect(html).toBe('<p>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(onlyOurTags(html)).toBe(true);
  });

  it('does not link javascript: or other schemes', () => {
    for (const text of ['javascript:alert(1)', 'JavaScript://%0aalert(1)', 'data:text/html,x', 'ftp://x.org/f', 'mailto:a@b.c']) {
      const html = renderTextAsHtml(text);
      expect(html).not.toContain('<a');
      expect(html).toBe(`<p>${escapeHtml(text)}</p>`);
    }
  });

  it('stops a URL at a quote so it cannot inject attributes', () => {
    const html = renderTextAsHtml('https://example.com/a"onmouseover="x');
    expect(html).toBe(
      '<p><a href="https://example.com/a" rel="noopener noreferrer">https://example.com/a</a>&quot;onmouseover=&quot;x</p>',
    );
    expect(onlyOurTags(html)).toBe(true);
  });

  it('attribute-escapes characters that stay inside the URL, and ends it at a quote', () => {
    const html = renderTextAsHtml("https://x.org/?a=1&b='2'x");
    expect(html).toContain('href="https://x.org/?a=1&amp;b="');
    expect(html).toContain('</a>&#39;2&#39;x');
    expect(onlyOurTags(html)).toBe(true);
  });

  it('links http and https URLs, case-insensitively', () => {
    expect(renderTextAsHtml('see http://a.org and HTTPS://B.ORG/x')).toBe(
      '<p>see <a href="http://a.org" rel="noopener noreferrer">http://a.org</a> and ' +
        '<a href="HTTPS://B.ORG/x" rel="noopener noreferrer">HTTPS://B.ORG/x</a></p>',
    );
  });

  it.each([
    ['Code: https://github.com/x/y.', 'https://github.com/x/y'],
    ['(see https://x.org/a)', 'https://x.org/a'],
    ['[https://x.org/a]', 'https://x.org/a'],
    ['at https://x.org/a, https://b.org;', 'https://x.org/a'],
    ['https://x.org/a:', 'https://x.org/a'],
    ['https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    ['(https://en.wikipedia.org/wiki/Foo_(bar)).', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    ['https://x.org/a{this https URL}', 'https://x.org/a'],
    ['{this https URL}https://x.org/a', 'https://x.org/a'],
  ])('trims trailing punctuation and placeholders: %s', (text, href) => {
    expect(renderTextAsHtml(text)).toContain(`<a href="${href}" rel="noopener noreferrer">${href}</a>`);
  });

  it('keeps the trimmed characters as text', () => {
    expect(renderTextAsHtml('(https://x.org/a).')).toBe(
      '<p>(<a href="https://x.org/a" rel="noopener noreferrer">https://x.org/a</a>).</p>',
    );
  });

  it('does not link a bare scheme or a URL without a host', () => {
    for (const text of ['https://', 'https://.', 'http:///path']) {
      expect(renderTextAsHtml(text)).not.toContain('<a');
    }
  });

  it('links a URL glued to the word before it (a PDF artefact), leaving the word as text', () => {
    expect(renderTextAsHtml('ohttps://info.arxiv.org/help')).toBe(
      '<p>o<a href="https://info.arxiv.org/help" rel="noopener noreferrer">https://info.arxiv.org/help</a></p>',
    );
  });

  it('emits no markup other than its own for a hostile mix', () => {
    const hostile = [
      '<script>alert(1)</script> "><img src=x onerror=alert(1)>',
      "javascript:alert(1) https://example.com/a\"onmouseover=\"x https://e.org/'><svg onload=alert(1)>",
      '</p><a href="javascript:alert(1)">click</a> <!-- comment --> &lt;already escaped&gt;',
    ].join('\n\n');
    const html = renderTextAsHtml(hostile);
    expect(onlyOurTags(html)).toBe(true);
    expect(html).not.toMatch(/href="(?!https?:)/i);
    expect(html).toContain('&amp;lt;already escaped&amp;gt;');
  });
});

describe('excerpt', () => {
  const text = 'Contrastive audio-language pretraining yields powerful joint representations.';

  it('returns short text unchanged, with whitespace collapsed', () => {
    expect(excerpt('  a\n\n b  ', 10)).toBe('a b');
    expect(excerpt(text, text.length)).toBe(text);
  });

  it('cuts at a word boundary and stays within the limit', () => {
    const out = excerpt(text, 30);
    expect(out).toBe('Contrastive audio-language…');
    expect(out.length).toBeLessThanOrEqual(30);
  });

  it('drops punctuation dangling before the ellipsis', () => {
    expect(excerpt('Alpha beta, gamma delta', 13)).toBe('Alpha beta…');
  });

  it('hard-cuts a single word that is longer than the limit', () => {
    expect(excerpt('Supercalifragilistic', 8)).toBe('Superca…');
  });

  it('does not split a surrogate pair', () => {
    const out = excerpt('ab😀😀😀😀', 4);
    expect(out).toBe('ab…');
    expect(out.length).toBeLessThanOrEqual(4);
  });

  it('returns an empty string for a non-positive limit', () => {
    expect(excerpt(text, 0)).toBe('');
  });

  it('does not escape: it returns plain text for the template to escape', () => {
    expect(excerpt('<b>x</b>', 50)).toBe('<b>x</b>');
  });

  it('cuts a long text as collapsing it whole and cutting that gives, whatever whitespace it holds', () => {
    // The rule written out plainly: collapse all of it, then cut at a word boundary.
    const collapsedWhole = (t: string, max: number) => {
      const flat = t.replace(/\s+/g, ' ').trim();
      if (flat.length <= max) return flat;
      if (max < 1) return '';
      const space = flat.lastIndexOf(' ', max - 1);
      let cut = space > 0 ? space : max - 1;
      if (/[\uD800-\uDBFF]/.test(flat.charAt(cut - 1))) cut -= 1;
      return `${flat.slice(0, cut).replace(/[\s,;:.\-–—]+$/, '')}…`;
    };
    const long = 'Large language models reason better when taught to check their work. '.repeat(40);
    const texts = [long, `${' '.repeat(900)}${long}`, long.replace(/ /g, ' \n\t '), `Short start${' '.repeat(2000)}then more words after a long gap`, `${'😀'.repeat(300)} end`, `one ${'x'.repeat(5000)}`, `${'x'.repeat(20)}${' '.repeat(200)}`, `${'word '.repeat(4)}${' \n'.repeat(300)}end`];
    for (const t of texts) for (const max of [0, 1, 2, 19, 20, 21, 159, 160, 260, 1000, Number.NaN]) expect(excerpt(t, max), `${max}: ${t.slice(0, 30)}`).toBe(collapsedWhole(t, max));
  });
});

describe('isHttpUrl', () => {
  it.each([
    ['https://github.com/x/y', true],
    ['http://a.org', true],
    ['javascript:alert(1)', false],
    ['data:text/html,x', false],
    ['//evil.example', false],
    ['github.com/x/y', false],
    ['https://', false],
  ])('%s -> %s', (url, expected) => {
    expect(isHttpUrl(url)).toBe(expected);
  });
});
