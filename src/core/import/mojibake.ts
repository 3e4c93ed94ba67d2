// Text that was mis-decoded before it reached us ("mojibake"): UTF-8 bytes read as a single-byte
// encoding by some earlier program, so that "’" became "â€™" (Windows-1252), "é" became "Ã©"
// (Latin-1) or Thai letters (Windows-874). The bytes are all still there, so the text can be put
// back: encode it with the wrong encoding and decode the bytes as UTF-8.
//
// A repair is made only when it is unambiguous: every character of the text encodes in that
// encoding, the bytes are valid UTF-8, and the result has no suspicious sequence left. Anything
// else (a file where some passages are right and others mis-decoded, a byte lost on the way) is
// left as it is and reported with the suspicious passages, so it is never kept silently.
import iconv from 'iconv-lite';
import type { ImportWarning } from '../../shared/domain';
import { excerptAround } from './decode-text';

interface Codec {
  name: string;
  label: string;
  /** Character code → byte, for characters 0x80 and above (ASCII maps to itself). */
  toByte: Map<number, number>;
  /**
   * Encodings whose letters are all in the high half (Thai, Cyrillic): genuine text in them is
   * full of byte pairs that look like UTF-8, so a spot counts only when nearly all such letters
   * are part of one.
   */
  needsCoverage: boolean;
}

function buildCodec(name: string, label: string, needsCoverage: boolean): Codec {
  const toByte = new Map<number, number>();
  for (let byte = 0x80; byte <= 0xff; byte += 1) {
    const character = iconv.decode(Buffer.from([byte]), name);
    if (character !== '\ufffd') toByte.set(character.charCodeAt(0), byte);
    // Bytes the encoding leaves undefined come through many decoders as the C1 control of the
    // same number (browsers do this for Windows-1252's five holes).
    else if (byte < 0xa0) toByte.set(byte, byte);
  }
  return { name, label, toByte, needsCoverage };
}

let codecs: Codec[] | null = null;
function allCodecs(): Codec[] {
  codecs ??= [
    buildCodec('windows-1252', 'Windows-1252', false),
    buildCodec('iso-8859-1', 'Latin-1', false),
    buildCodec('windows-874', 'Windows-874 (Thai)', true),
    buildCodec('windows-1251', 'Windows-1251 (Cyrillic)', true)
  ];
  return codecs;
}

function byteOf(code: number, codec: Codec): number | null {
  if (code < 0x80) return code;
  return codec.toByte.get(code) ?? null;
}

// Characters that UTF-8 text plausibly contains. A byte sequence that decodes to anything else
// (an NKo letter from "ß“", a C1 control) is a coincidence of genuine text, not mojibake.
const PLAUSIBLE: [number, number][] = [
  [0x00a0, 0x024f], // Latin-1 letters and signs, Latin Extended
  [0x0370, 0x052f], // Greek, Cyrillic
  [0x0590, 0x06ff], // Hebrew, Arabic
  [0x0e00, 0x0e7f], // Thai
  [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese)
  [0x2000, 0x22ff], // punctuation, currency, letterlike symbols, arrows, maths
  [0x2460, 0x27bf], // enclosed numbers, box drawing, shapes, dingbats
  [0x3000, 0x9fff], // CJK
  [0xac00, 0xd7af], // Hangul
  [0xfeff, 0xfeff], // a byte-order mark read as text ("ï»¿")
  [0xff00, 0xffef], // full-width forms
  [0x1f300, 0x1faff] // emoji
];

function plausible(codePoint: number): boolean {
  return PLAUSIBLE.some(([low, high]) => codePoint >= low && codePoint <= high);
}

/** The code point of a complete UTF-8 sequence, or null if it is invalid (overlong, surrogate). */
function decodeSequence(bytes: number[]): number | null {
  const [lead, ...rest] = bytes;
  if (rest.some((byte) => byte < 0x80 || byte > 0xbf)) return null;
  let codePoint: number;
  if (bytes.length === 2) {
    codePoint = ((lead & 0x1f) << 6) | (rest[0] & 0x3f);
    if (codePoint < 0x80) return null;
  } else if (bytes.length === 3) {
    codePoint = ((lead & 0x0f) << 12) | ((rest[0] & 0x3f) << 6) | (rest[1] & 0x3f);
    if (codePoint < 0x800 || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return null;
  } else {
    codePoint = ((lead & 0x07) << 18) | ((rest[0] & 0x3f) << 12) | ((rest[1] & 0x3f) << 6) | (rest[2] & 0x3f);
    if (codePoint < 0x10000 || codePoint > 0x10ffff) return null;
  }
  return codePoint;
}

export interface MojibakeSpot {
  start: number;
  end: number;
  /** What the passage should read, when the bytes are complete. */
  repaired: string | null;
  codec: string;
}

const NON_ASCII = /[^\x00-\x7f]/;

function scan(text: string, codec: Codec): MojibakeSpot[] {
  const spots: MojibakeSpot[] = [];
  // An ASCII character is never the lead byte of a sequence, so the scan starts at the first other
  // one: a saved web page is mostly ASCII markup and scripts before its first accented letter.
  const firstCandidate = text.search(NON_ASCII);
  if (firstCandidate < 0) return spots;
  for (let index = firstCandidate; index < text.length; index += 1) {
    const lead = byteOf(text.charCodeAt(index), codec);
    if (lead === null || lead < 0xc2 || lead > 0xf4) continue;
    const length = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    const bytes = [lead];
    let next = index + 1;
    while (bytes.length < length && next < text.length) {
      const byte = byteOf(text.charCodeAt(next), codec);
      if (byte === null || byte < 0x80 || byte > 0xbf) break;
      bytes.push(byte);
      next += 1;
    }
    if (bytes.length === length) {
      const codePoint = decodeSequence(bytes);
      if (codePoint !== null && plausible(codePoint)) {
        spots.push({ start: index, end: next, repaired: String.fromCodePoint(codePoint), codec: codec.name });
        index = next - 1;
      }
    } else if (length >= 3 && bytes.length >= 2 && (text[next] === '\ufffd' || text[next] === '?')) {
      // A sequence cut short where an earlier program lost a byte ("â€" then "\ufffd"): clearly
      // mis-decoded, but no longer repairable.
      spots.push({ start: index, end: next + 1, repaired: null, codec: codec.name });
      index = next;
    }
  }
  return spots;
}

function countHighCharacters(text: string, codec: Codec): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 0x80 && codec.toByte.has(code)) count += 1;
  }
  return count;
}

/** Suspicious spots of one encoding that are worth reporting (see Codec.needsCoverage). */
function reportableSpots(text: string, codec: Codec): MojibakeSpot[] {
  const spots = scan(text, codec);
  if (spots.length === 0 || !codec.needsCoverage) return spots;
  const covered = spots.reduce((sum, spot) => sum + (spot.end - spot.start), 0);
  return covered >= 0.8 * countHighCharacters(text, codec) ? spots : [];
}

/** Every passage of the text that looks mis-decoded, in text order. */
export function findMojibake(text: string): MojibakeSpot[] {
  const spots = allCodecs()
    .flatMap((codec) => reportableSpots(text, codec))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  // Windows-1252 and Latin-1 find the same spots in most texts; keep one of each.
  return spots.filter((spot, index) => index === 0 || spot.start >= spots[index - 1].end);
}

function encode(text: string, codec: Codec): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) {
    const byte = byteOf(text.charCodeAt(index), codec);
    if (byte === null) return null;
    bytes[index] = byte;
  }
  return bytes;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export interface MojibakeRepair {
  text: string;
  /** The encoding the text had been mis-decoded as. */
  codecLabel: string;
  /** Repaired passages (of the first round, for a text mis-decoded more than once). */
  count: number;
  example: { from: string; to: string; at: number };
}

/** Tries the repair with one encoding: at most three rounds, for text mis-decoded repeatedly. */
function repairWith(text: string, codec: Codec): { text: string; spots: MojibakeSpot[] } | null {
  let current = text;
  let firstSpots: MojibakeSpot[] | null = null;
  for (let round = 0; round < 3; round += 1) {
    const spots = scan(current, codec).filter((spot) => spot.repaired !== null);
    if (spots.length === 0) break;
    const bytes = encode(current, codec);
    if (!bytes) return null;
    try {
      current = strictUtf8.decode(bytes);
    } catch {
      return null;
    }
    firstSpots ??= spots;
  }
  if (!firstSpots || findMojibake(current).length > 0) return null;
  return { text: current, spots: firstSpots };
}

/** The text put right, when exactly one unambiguous repair exists; otherwise null. */
export function repairMojibake(text: string): MojibakeRepair | null {
  if (!/[^\x00-\x7f]/.test(text)) return null;
  const outcomes = new Map<string, MojibakeRepair>();
  for (const codec of allCodecs()) {
    const repaired = repairWith(text, codec);
    if (!repaired || outcomes.has(repaired.text)) continue;
    const first = repaired.spots[0];
    // Offsets before the first spot are unchanged by the repair.
    outcomes.set(repaired.text, {
      text: repaired.text,
      codecLabel: codec.label,
      count: repaired.spots.length,
      example: { from: text.slice(first.start, first.end), to: first.repaired ?? '', at: first.start }
    });
  }
  // Two encodings that give different texts: not unambiguous, so nothing is changed.
  return outcomes.size === 1 ? [...outcomes.values()][0] : null;
}

export function repairedWarning(fileName: string, repair: MojibakeRepair): ImportWarning {
  const places = repair.count === 1 ? 'one place' : `${repair.count} places`;
  return {
    kind: 'mojibake-repaired',
    message:
      `${fileName} had been mis-decoded before (UTF-8 read as ${repair.codecLabel}); Assay repaired ${places}, ` +
      `e.g. “${repair.example.from}” → “${repair.example.to}”.`,
    excerpt: excerptAround(repair.text, repair.example.at)
  };
}

/** Spots close together, as one passage each (start, end). */
function passages(spots: MojibakeSpot[]): [number, number][] {
  const grouped: [number, number][] = [];
  for (const spot of spots) {
    const last = grouped[grouped.length - 1];
    if (last && spot.start - last[1] <= 48) last[1] = spot.end;
    else grouped.push([spot.start, spot.end]);
  }
  return grouped;
}

/** A warning listing the passages of the final text that still look mis-decoded, if any. */
export function mojibakeWarning(fileName: string, text: string): ImportWarning | null {
  const spots = findMojibake(text);
  if (spots.length === 0) return null;
  const first = spots[0];
  const sample = text.slice(first.start, first.end);
  const guess = first.repaired ? ` (probably “${first.repaired}”)` : '';
  const places = spots.length === 1 ? 'One passage looks' : `${spots.length} passages look`;
  return {
    kind: 'mojibake',
    message:
      `${places} mis-decoded in ${fileName}: “${sample}”${guess}. It could not be repaired safely, so the text was ` +
      'kept as it is; check it against the original.',
    excerpt: passages(spots)
      .slice(0, 3)
      .map(([start, end]) => {
        const from = Math.max(0, start - 24);
        const to = Math.min(text.length, end + 24);
        return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
      })
      .join(' ⋯ ')
  };
}
