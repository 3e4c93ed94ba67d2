// Everything that enters the library as HTML passes through here first. Only structure and text
// survive: no scripts, handlers, styles, frames, forms or remote resources (images are dropped, as
// fetching them would leak what the analyst reads and break offline use).
import sanitize from 'sanitize-html';

const ALLOWED_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code',
  'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u', 's', 'strike', 'del', 'a', 'sub', 'sup',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'figure', 'figcaption',
  'div', 'section', 'article', 'main', 'header', 'footer', 'span'
];

export function sanitizeArticleHtml(html: string): string {
  return sanitize(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    // Relative links ("#footnote-1", "/world/asia") lead nowhere once the page is in the library.
    transformTags: {
      a: (tagName, attribs) =>
        /^(https?:|mailto:)/i.test((attribs.href ?? '').trim()) ? { tagName, attribs } : { tagName: 'span', attribs: {} }
    },
    // Drop these with their content: their text is code or chrome, never article prose.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'nav', 'button', 'select', 'title', 'head'],
    disallowedTagsMode: 'discard'
  });
}
