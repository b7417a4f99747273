/**
 * XML as a strict, conforming parser reads it (saxes, with namespaces): any well-formedness or
 * namespace error throws, naming line and column. Returns a small element tree to read feeds
 * and sitemaps from.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** The qualified name as written (`content:encoded`). */
  name: string;
  /** The namespace URI the name resolves to ('' for none). */
  uri: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (CDATA included), children's text left out. */
  text: string;
}

export function parseXmlStrictly(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on('error', (error) => {
    throw new Error(`not well-formed XML: ${error.message}`);
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, uri: tag.uri ?? '', attrs: Object.fromEntries(Object.entries(tag.attributes).map(([k, a]) => [k, typeof a === 'string' ? a : a.value])), children: [], text: '' };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    if (stack.length > 0) stack.at(-1)!.text += text;
  });
  parser.on('cdata', (text) => {
    if (stack.length > 0) stack.at(-1)!.text += text;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error('not XML: no root element');
  return root;
}

/** The children of an element with the given name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** The text of the first child with the given name, or undefined. */
export function childText(element: XmlElement, name: string): string | undefined {
  return element.children.find((c) => c.name === name)?.text;
}
