// Sanitised HTML as a small tree that ProseMirror's DOMParser reads like a DOM.
//
// Why: Tiptap's generateJSON builds a happy-dom window (a whole browser emulation in its own VM
// context) for every call and rebuilds the schema each time; that was most of an import's time.
// sanitize-html's output is regular — lower-case allowed tags, attributes quoted with `"`, every
// element closed, void elements written `<br />`, text escaped with only &amp; &lt; &gt; (and
// &quot; in attributes) — so reading it needs a scanner, not an HTML parser.
//
// The tree must be the one happy-dom builds from the same string, or the stored document would
// change. HTML parsers rearrange some markup (a block inside a paragraph closes the paragraph, a
// link inside a link closes the first, table parts out of place move or vanish; happy-dom adds a
// <tbody> around rows written straight into a <table>, which is copied here). The tree is built
// only where the markup stays as written; for anything else parseSanitizedHtml returns null and
// the caller parses that document the old way. sanitized-html-tree.test.ts holds both paths to
// the same documents.

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** Thrown when a parse rule asks the tree something it cannot answer; the caller falls back. */
export class UnsupportedByTree extends Error {}

// sanitize-html never lets a style attribute through (sanitize-html.ts allows none), so every
// element's style is empty. The parse rules read these properties (bold: fontWeight, italic:
// fontStyle, table cells: textAlign) and ProseMirror reads whiteSpace, length and getPropertyValue.
const EMPTY_STYLE = Object.freeze({
  length: 0,
  fontWeight: '',
  fontStyle: '',
  textAlign: '',
  whiteSpace: '',
  getPropertyValue: () => ''
});

abstract class TreeNode {
  parentNode: TreeElement | null = null;
  previousSibling: TreeNode | null = null;
  nextSibling: TreeNode | null = null;
  abstract readonly nodeType: number;
  abstract readonly nodeName: string;
  abstract get textContent(): string;

  get ownerDocument(): typeof TREE_DOCUMENT {
    return TREE_DOCUMENT;
  }

  get parentElement(): TreeElement | null {
    return this.parentNode;
  }
}

class TreeText extends TreeNode {
  readonly nodeType = TEXT_NODE;
  readonly nodeName = '#text';
  constructor(public nodeValue: string) {
    super();
  }

  get textContent(): string {
    return this.nodeValue;
  }
}

// What ProseMirror asks of the document: a text node for a <br> inside inline content.
const TREE_DOCUMENT = {
  createTextNode: (value: string) => new TreeText(value)
};

type Selector = (element: TreeElement) => boolean;
const compiledSelectors = new Map<string, Selector>();

/**
 * The selectors the article schema's parse rules use: a tag with optional [attribute] tests, and
 * compounds joined by descendant (space) or child (>) combinators. Anything else is refused, so a
 * schema change that needs more makes the import fall back rather than match wrongly.
 */
function compileSelector(selector: string): Selector {
  const cached = compiledSelectors.get(selector);
  if (cached) return cached;
  const parts = selector.trim().split(/\s*(>)\s*|\s+/).filter((part) => part !== undefined && part !== '');
  const compounds: { test: Selector; combinator: ' ' | '>' }[] = [];
  let combinator: ' ' | '>' = ' ';
  for (const part of parts) {
    if (part === '>') {
      combinator = '>';
      continue;
    }
    const match = /^([a-z][a-z0-9]*|\*)((?:\[[a-z][a-z0-9-]*\])*)$/i.exec(part);
    if (!match) throw new UnsupportedByTree(`selector ${selector}`);
    const tag = match[1].toLowerCase();
    const attributes = [...match[2].matchAll(/\[([^\]]+)\]/g)].map((found) => found[1].toLowerCase());
    compounds.push({
      combinator,
      test: (element) => (tag === '*' || element.localName === tag) && attributes.every((name) => element.hasAttribute(name))
    });
    combinator = ' ';
  }
  if (compounds.length === 0) throw new UnsupportedByTree(`selector ${selector}`);
  // Matched right to left, as browsers do.
  const matchFrom = (element: TreeElement, index: number): boolean => {
    if (!compounds[index].test(element)) return false;
    if (index === 0) return true;
    if (compounds[index].combinator === '>') return element.parentNode !== null && matchFrom(element.parentNode, index - 1);
    for (let ancestor = element.parentNode; ancestor; ancestor = ancestor.parentNode) {
      if (matchFrom(ancestor, index - 1)) return true;
    }
    return false;
  };
  const compiled: Selector = (element) => matchFrom(element, compounds.length - 1);
  compiledSelectors.set(selector, compiled);
  return compiled;
}

export class TreeElement extends TreeNode {
  readonly nodeType = ELEMENT_NODE;
  readonly namespaceURI = XHTML_NAMESPACE;
  readonly nodeName: string;
  readonly tagName: string;
  readonly style = EMPTY_STYLE;
  firstChild: TreeNode | null = null;
  lastChild: TreeNode | null = null;
  private readonly attributeValues: Map<string, string>;

  constructor(
    readonly localName: string,
    attributes: Map<string, string> = new Map()
  ) {
    super();
    this.tagName = localName.toUpperCase();
    this.nodeName = this.tagName;
    this.attributeValues = attributes;
  }

  getAttribute(name: string): string | null {
    return this.attributeValues.get(name.toLowerCase()) ?? null;
  }

  hasAttribute(name: string): boolean {
    return this.attributeValues.has(name.toLowerCase());
  }

  get classList(): string[] {
    return (this.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
  }

  get childNodes(): TreeNode[] {
    const nodes: TreeNode[] = [];
    for (let child = this.firstChild; child; child = child.nextSibling) nodes.push(child);
    return nodes;
  }

  get children(): TreeElement[] {
    return this.childNodes.filter((node): node is TreeElement => node instanceof TreeElement);
  }

  get firstElementChild(): TreeElement | null {
    for (let child = this.firstChild; child; child = child.nextSibling) if (child instanceof TreeElement) return child;
    return null;
  }

  get textContent(): string {
    let text = '';
    for (let child = this.firstChild; child; child = child.nextSibling) text += child.textContent;
    return text;
  }

  contains(node: TreeNode | null): boolean {
    for (let current = node; current; current = current.parentNode) if (current === this) return true;
    return false;
  }

  /** Moves the node here, as the last child (ProseMirror moves nested lists into list items). */
  appendChild<T extends TreeNode>(node: T): T {
    node.parentNode?.removeChild(node);
    node.parentNode = this;
    node.previousSibling = this.lastChild;
    node.nextSibling = null;
    if (this.lastChild) this.lastChild.nextSibling = node;
    else this.firstChild = node;
    this.lastChild = node;
    return node;
  }

  removeChild<T extends TreeNode>(node: T): T {
    if (node.previousSibling) node.previousSibling.nextSibling = node.nextSibling;
    else this.firstChild = node.nextSibling;
    if (node.nextSibling) node.nextSibling.previousSibling = node.previousSibling;
    else this.lastChild = node.previousSibling;
    node.parentNode = null;
    node.previousSibling = null;
    node.nextSibling = null;
    return node;
  }

  matches(selector: string): boolean {
    return compileSelector(selector)(this);
  }

  closest(selector: string): TreeElement | null {
    const test = compileSelector(selector);
    for (let element: TreeElement | null = this; element; element = element.parentNode) if (test(element)) return element;
    return null;
  }

  querySelectorAll(selector: string): TreeElement[] {
    const test = compileSelector(selector);
    const found: TreeElement[] = [];
    const visit = (parent: TreeElement) => {
      for (let child = parent.firstChild; child; child = child.nextSibling) {
        if (!(child instanceof TreeElement)) continue;
        if (test(child)) found.push(child);
        visit(child);
      }
    };
    visit(this);
    return found;
  }

  querySelector(selector: string): TreeElement | null {
    return this.querySelectorAll(selector)[0] ?? null;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading sanitize-html's output.

const VOID_ELEMENTS = new Set(['br', 'hr']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TABLE_SECTIONS = new Set(['thead', 'tbody', 'tfoot']);
const TABLE_PARTS = new Set(['caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);
/** Elements that close an open paragraph in an HTML parser (so <p><div> is not nested). */
const CLOSES_PARAGRAPH = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'hr', 'blockquote', 'pre', 'ul', 'ol', 'table', 'figure', 'figcaption',
  'div', 'section', 'article', 'main', 'header', 'footer', 'address', 'aside', 'details', 'dialog', 'dl', 'fieldset',
  'form', 'hgroup', 'menu', 'nav', 'search'
]);

type Placement = 'as-written' | 'in-new-tbody' | 'rearranged';

/** Where an HTML parser puts `child` opened inside `parent` (given whether a link is open). */
function placementOf(parent: string, child: string, insideLink: boolean): Placement {
  if (parent === 'table') {
    if (child === 'caption' || TABLE_SECTIONS.has(child)) return 'as-written';
    return child === 'tr' ? 'in-new-tbody' : 'rearranged';
  }
  if (TABLE_SECTIONS.has(parent)) return child === 'tr' ? 'as-written' : 'rearranged';
  if (parent === 'tr') return child === 'td' || child === 'th' ? 'as-written' : 'rearranged';
  if (TABLE_PARTS.has(child)) return 'rearranged';
  if (parent === 'p' && CLOSES_PARAGRAPH.has(child)) return 'rearranged';
  if (parent === child && (HEADINGS.has(child) || child === 'li')) return 'rearranged';
  if (parent === 'caption' && child === 'table') return 'rearranged';
  if (child === 'a' && insideLink) return 'rearranged';
  return 'as-written';
}

const TAG = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9-]*(?:="[^"<>]*")?)*)\s*(\/?)>/y;
const ATTRIBUTE = /\s+([a-z][a-z0-9-]*)(?:="([^"]*)")?/g;
const ESCAPE = /&(amp|lt|gt|quot);/g;
const UNEXPECTED_TEXT = /[<>]|&(?!(?:amp|lt|gt|quot);)/;
const ESCAPED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };

function unescape(value: string): string {
  return value.includes('&') ? value.replace(ESCAPE, (_, name: string) => ESCAPED[name]) : value;
}

/**
 * The body of sanitised HTML as a tree, or null when the markup is not what sanitize-html writes
 * or an HTML parser would rearrange it (then the caller parses it with a full DOM instead).
 */
export function parseSanitizedHtml(html: string): TreeElement | null {
  const body = new TreeElement('body');
  const open: TreeElement[] = [body];
  // Elements the parser added itself (a <tbody>); they close with their parent's end tag.
  const added = new Set<TreeElement>();
  let linksOpen = 0;
  let at = 0;
  while (at < html.length) {
    const next = html.indexOf('<', at);
    const textEnd = next === -1 ? html.length : next;
    if (textEnd > at) {
      const text = html.slice(at, textEnd);
      if (UNEXPECTED_TEXT.test(text)) return null;
      open[open.length - 1].appendChild(new TreeText(unescape(text)));
    }
    if (next === -1) break;
    TAG.lastIndex = next;
    const tag = TAG.exec(html);
    if (!tag) return null;
    at = TAG.lastIndex;
    const [, closing, name, attributeText, selfClosing] = tag;
    if (closing) {
      if (attributeText || selfClosing) return null;
      while (added.has(open[open.length - 1]) && open[open.length - 1].localName !== name) open.pop();
      const current = open[open.length - 1];
      if (open.length === 1 || current.localName !== name) return null;
      open.pop();
      if (name === 'a') linksOpen -= 1;
      continue;
    }
    const isVoid = VOID_ELEMENTS.has(name);
    if (selfClosing && !isVoid) return null;
    let parent = open[open.length - 1];
    const placement = placementOf(parent.localName, name, linksOpen > 0);
    if (placement === 'rearranged') return null;
    if (placement === 'in-new-tbody') {
      const tbody = parent.appendChild(new TreeElement('tbody'));
      added.add(tbody);
      open.push(tbody);
      parent = tbody;
    }
    const attributes = new Map<string, string>();
    for (const attribute of attributeText.matchAll(ATTRIBUTE)) {
      // An HTML parser keeps the first of repeated attributes; sanitize-html never repeats one.
      if (attributes.has(attribute[1])) return null;
      attributes.set(attribute[1], unescape(attribute[2] ?? ''));
    }
    if (attributes.has('style')) return null;
    const element = parent.appendChild(new TreeElement(name, attributes));
    if (isVoid) continue;
    open.push(element);
    if (name === 'a') linksOpen += 1;
  }
  while (open.length > 1 && added.has(open[open.length - 1])) open.pop();
  return open.length === 1 ? body : null;
}
