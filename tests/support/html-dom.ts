/** Walks built HTML with a spec-compliant parser, so tests see what a browser would build. */
import { parse } from 'parse5';

export interface Element {
  tag: string;
  attrs: Record<string, string>;
  text: string;
}

type Node = { nodeName: string; tagName?: string; attrs?: Array<{ name: string; value: string }>; childNodes?: Node[]; content?: Node; value?: string };

/** Every element of the document, with its attributes and its text content. */
export function elements(html: string): Element[] {
  const out: Element[] = [];
  const visit = (node: Node): string => {
    if (node.nodeName === '#text') return node.value ?? '';
    const children = [...(node.childNodes ?? []), ...(node.content ? [node.content] : [])];
    const text = children.map(visit).join('');
    if (node.tagName) out.push({ tag: node.tagName, attrs: Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value])), text });
    return text;
  };
  visit(parse(html) as unknown as Node);
  return out;
}

/** Markup a hostile listing could try to smuggle in: event handlers, script URLs, foreign scripts. */
export function injectedMarkup(html: string, ownScript: (el: Element) => boolean = () => true): string[] {
  const problems: string[] = [];
  for (const el of elements(html)) {
    for (const [name, value] of Object.entries(el.attrs)) {
      if (name.startsWith('on')) problems.push(`<${el.tag} ${name}>`);
      if (/^\s*(javascript|data|vbscript):/i.test(value) && ['href', 'src', 'action', 'formaction'].includes(name)) problems.push(`<${el.tag} ${name}="${value}">`);
    }
    if (['img', 'iframe', 'object', 'embed', 'svg', 'component'].includes(el.tag) && el.attrs.src === 'x') problems.push(`<${el.tag} src=x>`);
    if (el.tag === 'script' && !ownScript(el)) problems.push(`<script>${el.text.slice(0, 40)}`);
  }
  return problems;
}
