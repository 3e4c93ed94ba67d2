// A Word document (.docx) to article HTML with mammoth: headings, lists, tables and footnotes.
//
// Before mammoth sees the file, it is checked here: it must be a zip (not an old .doc, nor an
// encrypted document, which Word stores in a different container); its declared unpacked size must
// be reasonable (a "zip bomb" is refused before anything is inflated); and no XML part may carry a
// document type declaration. Word never writes one, and DOCTYPEs are how XML external entities
// (reading local files) and entity expansion ("billion laughs") attacks arrive. mammoth's XML
// parser (xmldom) does not expand entities anyway, and fails on an undefined one; refusing the
// file up front gives the analyst a clear reason instead of a parser error.
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import type { ImportWarning } from '../../shared/domain';
import { AssayError } from '../../shared/errors';

// The XML of a long report is a few megabytes; pictures are skipped (not inflated).
const MAX_UNPACKED_XML_BYTES = 200 * 1024 * 1024;

export interface WordContent {
  html: string;
  title: string | null;
  author: string | null;
  warnings: ImportWarning[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

function isXmlPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

/** Checks the container and returns its XML parts, inflated. */
function openPackage(bytes: Uint8Array, fileName: string): Record<string, Uint8Array> {
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new AssayError(
      'unreadable_file',
      `${fileName} is password-protected or is an old Word 97–2003 document renamed .docx. Open it in Word, remove the password or save it as .docx, then import it again.`
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new AssayError('unreadable_file', `${fileName} is not a Word document: a .docx file is a zip archive, and this one is not.`);
  }
  let unpacked = 0;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (file) => {
        if (!isXmlPart(file.name)) return false;
        unpacked += file.originalSize;
        if (unpacked > MAX_UNPACKED_XML_BYTES) {
          throw new AssayError(
            'unreadable_file',
            `${fileName} unpacks to more than ${MAX_UNPACKED_XML_BYTES / 1024 / 1024} MB of text; it was refused (damaged, or built to exhaust memory).`
          );
        }
        return true;
      }
    });
  } catch (error) {
    if (error instanceof AssayError) throw error;
    throw new AssayError('unreadable_file', `${fileName} is a damaged zip archive, so it cannot be read as a Word document.`);
  }
  if (!parts['word/document.xml']) {
    throw new AssayError('unreadable_file', `${fileName} is a zip archive but not a Word document (it has no word/document.xml).`);
  }
  for (const [name, content] of Object.entries(parts)) {
    if (/<!DOCTYPE|<!ENTITY/i.test(strFromU8(content.subarray(0, 64 * 1024)))) {
      throw new AssayError(
        'unreadable_file',
        `${fileName} was refused: its part ${name} contains an XML document type declaration (<!DOCTYPE>), which Word never writes ` +
          'and which can be used to read files from this computer (XML external entities).'
      );
    }
  }
  return parts;
}

function decodeXmlText(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Title and author from docProps/core.xml (Word's File › Properties). */
function coreProperties(parts: Record<string, Uint8Array>): { title: string | null; author: string | null } {
  const core = parts['docProps/core.xml'];
  if (!core) return { title: null, author: null };
  const xml = strFromU8(core);
  const field = (tag: string) => {
    const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
    const value = match ? decodeXmlText(match[1]) : '';
    return value && value.length <= 300 ? value : null;
  };
  return { title: field('dc:title'), author: field('dc:creator') };
}

// Word's built-in title styles, which mammoth does not map by default.
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

/**
 * mammoth links footnote references to the notes ("[1]" → #footnote-1) and back ("↑"). In the
 * library the links lead nowhere, so the markers stay as text and the notes get a heading.
 */
function tidyNotes(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const link of document.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]')) link.remove();
  for (const link of document.querySelectorAll('a[href^="#footnote-"], a[href^="#endnote-"]')) {
    link.replaceWith(document.createTextNode(link.textContent ?? ''));
  }
  const noteLists = new Set(
    [...document.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]')].map((item) => item.parentElement).filter(Boolean)
  );
  for (const list of noteLists) {
    const title = document.createElement('h2');
    title.textContent = list!.querySelector('li[id^="endnote-"]') ? 'Endnotes' : 'Notes';
    list!.before(title);
  }
  return document.body.innerHTML;
}

export async function readWordDocument(bytes: Uint8Array, fileName: string): Promise<WordContent> {
  const parts = openPackage(bytes, fileName);
  const properties = coreProperties(parts);
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // Pictures are dropped like any image in the library; not encoding them saves the work.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        ignoreEmptyParagraphs: true
      }
    );
  } catch (error) {
    throw new AssayError('unreadable_file', `${fileName} could not be read as a Word document: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const warnings: ImportWarning[] = result.messages
    .filter((message) => message.type === 'error')
    .slice(0, 5)
    .map((message) => ({ kind: 'docx-structure' as const, message: `${fileName}: ${message.message}` }));
  return { html: tidyNotes(result.value), title: properties.title, author: properties.author, warnings };
}
