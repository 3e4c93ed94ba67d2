// The Tiptap extensions that define what an article document can hold. core parses imported HTML
// with this list and the reader edits with it, so both see the same document and the same text.
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';

export function articleExtensions() {
  return [
    StarterKit.configure({
      // A trailing node would add an empty paragraph on load and shift the text selectors use.
      trailingNode: false,
      link: { openOnClick: false, autolink: false, linkOnPaste: false, protocols: ['http', 'https', 'mailto'] }
    }),
    // Tables from web pages and Word documents keep their rows and cells. Each cell holds
    // paragraphs, so its text is a line of the article text like any paragraph (document-text.ts).
    TableKit.configure({ table: { resizable: false } })
  ];
}
