// Bytes of a text file to a string. Byte-order marks decide where present; otherwise strict UTF-8,
// and Windows-1252 (a superset of Latin-1 for printable text) for files that are not UTF-8.
import iconv from 'iconv-lite';
import { AssayError } from '../../shared/errors';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

export function decodeTextBytes(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  if (bytes.includes(0)) {
    throw new AssayError('unreadable_file', `${fileName} looks like a binary file, not text, so it was not imported.`);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not TextDecoder: Node's 'windows-1252' decoder is really Latin-1 and turns 0x80–0x9F (curly
    // quotes, dashes, the euro sign) into control characters.
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252'), encoding: 'windows-1252' };
  }
}
