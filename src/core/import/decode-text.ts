// Bytes of a text file (plain text, Markdown, a saved web page) to a string.
//
// In order: a byte-order mark decides; UTF-16 without a mark is recognised by its zero bytes;
// strict UTF-8; the charset the file declares (HTML <meta charset>, an XML declaration); a
// detector (chardet) for other legacy encodings it recognises with confidence; and Windows-1252,
// which is what Western text that is not UTF-8 almost always is (and a superset of Latin-1 for
// printable text). Whenever the encoding had to be guessed the import says so, with a sample.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { ImportWarning } from '../../shared/domain';
import { AssayError } from '../../shared/errors';

export interface DecodedText {
  text: string;
  /** The encoding as iconv-lite names it (utf-8, utf-16le, windows-1252, shift_jis…). */
  encoding: string;
  warnings: ImportWarning[];
}

export interface DecodeOptions {
  /** Look for a charset declared in the file itself (HTML and XHTML). */
  sniffDeclaredCharset?: boolean;
}

// Legacy encodings the detector may pick over Windows-1252, when it is confident. Single-byte
// Western encodings are left to the Windows-1252 default, which reads them all correctly.
const DETECTABLE = new Set([
  'windows-1250', 'windows-1251', 'windows-1253', 'windows-1254', 'windows-1255', 'windows-1256', 'windows-1257',
  'iso-8859-2', 'iso-8859-5', 'iso-8859-6', 'iso-8859-7', 'iso-8859-8', 'iso-8859-9', 'koi8-r',
  'shift_jis', 'euc-jp', 'iso-2022-jp', 'euc-kr', 'big5', 'gb18030'
]);
const WESTERN = new Set(['windows-1252', 'iso-8859-1', 'iso-8859-15', 'ascii']);
const MIN_DETECTOR_CONFIDENCE = 30;

const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Western European)'
};

function label(encoding: string): string {
  return ENCODING_LABELS[encoding] ?? encoding.toUpperCase();
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** UTF-16 without a byte-order mark: mostly-ASCII text has a zero in every other byte. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenZeros += 1;
    if (sample[index + 1] === 0) oddZeros += 1;
  }
  const pairs = sample.length / 2;
  if (oddZeros / pairs > 0.4 && evenZeros / pairs < 0.05) return 'utf-16le';
  if (evenZeros / pairs > 0.4 && oddZeros / pairs < 0.05) return 'utf-16be';
  return null;
}

/** The charset an HTML or XML file declares in its first kilobytes (as browsers pre-scan it). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = asBuffer(bytes.subarray(0, 4096)).toString('latin1');
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (!match) return null;
  const name = match[1].toLowerCase();
  // WHATWG: these labels all mean Windows-1252 on the web.
  if (name === 'iso-8859-1' || name === 'latin1' || name === 'us-ascii' || name === 'ascii') return 'windows-1252';
  return iconv.encodingExists(name) ? name : null;
}

function firstNonAscii(text: string): string | undefined {
  const index = text.search(/[^\x00-\x7f]/);
  if (index < 0) return undefined;
  const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, index - 25)));
  return text.slice(start, index + 35).replace(/\s+/g, ' ').trim();
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(asBuffer(bytes), encoding);
}

export function decodeTextBytes(bytes: Uint8Array, fileName: string, options: DecodeOptions = {}): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', warnings: [] };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', warnings: [] };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', warnings: [] };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes.subarray(0, bytes.length & ~1));
    // Binary data can have the same zero bytes; text has almost no control characters.
    const controls = text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
    if (controls <= text.length / 100) return { text, encoding: utf16, warnings: [] };
  }
  if (bytes.includes(0)) {
    throw new AssayError('unreadable_file', `${fileName} looks like a binary file, not text, so it was not imported.`);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warnings: [] };
  } catch {
    // Not UTF-8: a legacy encoding, declared or guessed.
  }

  const declared = options.sniffDeclaredCharset ? declaredCharset(bytes) : null;
  if (declared && declared !== 'utf-8') {
    return { text: decodeWith(bytes, declared), encoding: declared, warnings: [] };
  }

  const warnings: ImportWarning[] = [];
  let encoding = 'windows-1252';
  const candidates = chardet.analyse(bytes).map((match) => ({ ...match, name: match.name.toLowerCase() }));
  const top = candidates[0];
  const western = candidates.find((candidate) => WESTERN.has(candidate.name));
  if (
    top &&
    DETECTABLE.has(top.name) &&
    iconv.encodingExists(top.name) &&
    top.confidence >= MIN_DETECTOR_CONFIDENCE &&
    (!western || top.confidence - western.confidence >= 10)
  ) {
    encoding = top.name;
  }
  // Not TextDecoder: Node's 'windows-1252' decoder is really Latin-1 and turns 0x80–0x9F (curly
  // quotes, dashes, the euro sign) into control characters.
  const text = decodeWith(bytes, encoding);
  const why = declared === 'utf-8' ? 'declares UTF-8 but is not valid UTF-8' : 'is not UTF-8 and does not say which encoding it uses';
  warnings.push({
    kind: 'encoding',
    message: `${fileName} ${why}; it was read as ${label(encoding)}. If letters look wrong, save it as UTF-8 and import it again.`,
    excerpt: firstNonAscii(text)
  });
  const undecodable = text.split('\ufffd').length - 1;
  if (undecodable > 0) {
    warnings.push({
      kind: 'encoding',
      message: `${undecodable} byte${undecodable === 1 ? '' : 's'} of ${fileName} could not be read as ${label(encoding)} and show as “\ufffd”.`,
      excerpt: excerptAround(text, text.indexOf('\ufffd'))
    });
  }
  return { text, encoding, warnings };
}

export function excerptAround(text: string, index: number, radius = 30): string {
  const start = Math.max(0, index - radius);
  const end = Math.min(text.length, index + radius);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}
