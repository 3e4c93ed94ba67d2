// The Tiptap extensions that define what an article document can hold. core parses imported HTML
// with this list and the reader edits with it, so both see the same document and the same text.
import StarterKit from '@tiptap/starter-kit';

export function articleExtensions() {
  return [
    StarterKit.configure({
      // A trailing node would add an empty paragraph on load and shift the text selectors use.
      trailingNode: false,
      link: { openOnClick: false, autolink: false, linkOnPaste: false, protocols: ['http', 'https', 'mailto'] }
    })
  ];
}
