import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ENCODING_SAMPLE, encodedTextFiles, misdecoded } from './fixtures/corpus';
import { decodeTextBytes } from './decode-text';
import { prepareArticleFile } from './import-content';
import { findMojibake, repairMojibake } from './mojibake';

const ARTICLE = 'China’s share – “about 69%” – of mined rare earths; café, São Paulo, Zürich.';

describe('text encodings', () => {
  it.each(encodedTextFiles().map((file) => [file.name, file] as const))('reads %s', (_name, file) => {
    const prepared = prepareArticleFile(file.name, file.bytes);
    const [first, second] = prepared.text.split('\n');
    if (file.name === 'latin1.txt') expect(first).toBe('Café society, "rare" earths cost 12 EUR; São Paulo, Zürich, naïve.');
    else expect(first).toBe(ENCODING_SAMPLE);
    expect(second).toBe('Second paragraph, déjà vu.');
    expect(prepared.warnings?.filter((warning) => warning.kind === 'mojibake')).toEqual([]);
  });

  it('says when the encoding was guessed, with a sample to check', () => {
    const { warnings } = decodeTextBytes(iconv.encode(ENCODING_SAMPLE, 'windows-1252'), 'old.txt');
    expect(warnings).toEqual([
      {
        kind: 'encoding',
        message: expect.stringMatching(/^old\.txt is not UTF-8 and does not say which encoding it uses; it was read as Windows-1252/),
        excerpt: expect.stringContaining('Café society')
      }
    ]);
    expect(decodeTextBytes(Buffer.from(ENCODING_SAMPLE, 'utf8'), 'new.txt').warnings).toEqual([]);
  });

  it('recognises other legacy encodings it can be sure of', () => {
    const russian = 'Китай добыл около 270 тысяч тонн редкоземельных металлов в 2024 году, больше, чем все остальные страны вместе.';
    expect(decodeTextBytes(iconv.encode(russian, 'windows-1251'), 'ru.txt')).toMatchObject({ text: russian, encoding: 'windows-1251' });
    const japanese = '中国は2024年に約27万トンのレアアースを採掘した。これは世界の約七割である。';
    expect(decodeTextBytes(iconv.encode(japanese, 'shift_jis'), 'ja.txt')).toMatchObject({ text: japanese, encoding: 'shift_jis' });
  });
});

describe('mojibake', () => {
  const THAI_CASE = 'Café au lait, résumé, naïve, São Paulo.';
  it.each([
    ['UTF-8 read as Windows-1252', misdecoded(ARTICLE, 'windows-1252'), 'Windows-1252', ARTICLE],
    ['UTF-8 read as Latin-1', misdecoded(ARTICLE, 'latin1'), 'Latin-1', ARTICLE],
    ['UTF-8 read as Windows-874 (Thai letters)', misdecoded(THAI_CASE, 'windows-874'), 'Windows-874 (Thai)', THAI_CASE],
    ['UTF-8 read as Windows-1252 twice', misdecoded(misdecoded(ARTICLE, 'windows-1252'), 'windows-1252'), 'Windows-1252', ARTICLE]
  ])('repairs text that was %s', (_name, broken, codec, original) => {
    const repair = repairMojibake(broken);
    expect(repair?.text).toBe(original);
    expect(repair?.codecLabel).toBe(codec);
    expect(findMojibake(repair!.text)).toEqual([]);
  });

  it('repairs a mis-decoded file and says what it did', () => {
    const bytes = new Uint8Array(Buffer.from(`# Supply\n\n${misdecoded(ARTICLE, 'windows-1252')}\n`, 'utf8'));
    const prepared = prepareArticleFile('supply.md', bytes);
    expect(prepared.text).toBe(`Supply\n${ARTICLE}`);
    expect(prepared.warnings).toEqual([
      {
        kind: 'mojibake-repaired',
        message: expect.stringMatching(/^supply\.md had been mis-decoded before \(UTF-8 read as Windows-1252\); Assay repaired \d+ places, e\.g\. “â€™” → “’”\.$/),
        excerpt: expect.stringContaining('China’s share')
      }
    ]);
  });

  it('flags, with the suspicious spots, mis-decoded text that cannot be repaired safely, and keeps it as it is', () => {
    // Right and wrong in one file: re-encoding would break the passages that are right.
    const mixed = `Le café coûte cher.\n\n${misdecoded('China’s output rose “sharply”.', 'windows-1252')}\n`;
    const prepared = prepareArticleFile('mixed.txt', new Uint8Array(Buffer.from(mixed, 'utf8')));
    expect(prepared.text).toBe(mixed.trim().replace('\n\n', '\n'));
    const [warning] = prepared.warnings!;
    expect(warning.kind).toBe('mojibake');
    expect(warning.message).toMatch(/^3 passages look mis-decoded in mixed\.txt: “â€™” \(probably “’”\)/);
    expect(warning.excerpt).toContain('Chinaâ€™s output');

    // A byte lost on the way ("â€" then a replacement character): flagged, never repaired.
    const lossy = prepareArticleFile('lossy.txt', new Uint8Array(Buffer.from('The â€\ufffdbest\ufffd estimate.', 'utf8')));
    expect(lossy.warnings?.map((item) => item.kind)).toContain('mojibake');
  });

  it('leaves genuine text in Thai, Russian, German and French alone', () => {
    for (const text of [
      'ภาษาไทยเป็นภาษาที่มีระดับเสียงของคำแน่นอน รกร้าง เธอ',
      'Китай добыл около 270 тысяч тонн',
      'Die Straße „ÜBER“ ist groß“ und schön.',
      'Déjà vu à l’hôtel, «très» cher — 12 €.'
    ]) {
      expect(repairMojibake(text)).toBeNull();
      expect(findMojibake(text)).toEqual([]);
    }
  });
});
