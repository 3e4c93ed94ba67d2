import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AssayError } from '../../shared/errors';
import type { DocumentNode } from '../../shared/domain';
import { wordReport } from './fixtures/corpus';
import { makeDocx, paragraph } from './fixtures/make-docx';
import { prepareArticleFileAsync } from './import-content';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function types(node: DocumentNode): string[] {
  return [node.type, ...(node.content ?? []).flatMap(types)];
}

async function refusal(fileName: string, bytes: Uint8Array): Promise<AssayError> {
  try {
    await prepareArticleFileAsync(fileName, bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(AssayError);
    return error as AssayError;
  }
  throw new Error(`${fileName} was imported`);
}

describe('Word import', () => {
  it('keeps headings, lists, the table and the footnotes, and reads title and author from the properties', async () => {
    const prepared = await prepareArticleFileAsync('capacity.docx', wordReport());
    expect(prepared.format).toBe('docx');
    expect(prepared.suggestedTitle).toBe('Separation capacity outside China');
    expect(prepared.metadata).toMatchObject({ author: 'Ana Analyst' });
    expect(prepared.text.split('\n')).toEqual([
      'Separation capacity outside China',
      'Three plants outside China separate rare earths at scale today.[1]',
      'Plants',
      'Lynas, Kuantan (Malaysia)',
      'Neo Performance, Sillamäe (Estonia)',
      'Energy Fuels, White Mesa (United States)',
      'Capacity, in tonnes of oxide a year:[2]',
      'Plant',
      'Capacity',
      'Kuantan',
      '10,500',
      'Sillamäe',
      '2,000',
      'White Mesa',
      '1,000',
      'Next steps',
      'Qualify the oxides with magnet makers',
      'Secure feedstock beyond 2030',
      'Notes',
      'Company reports, 2024.',
      'Nameplate capacity; actual output is lower.'
    ]);
    expect(types(prepared.doc)).toEqual(expect.arrayContaining(['heading', 'bulletList', 'orderedList', 'table', 'tableRow', 'tableCell']));
    expect(JSON.stringify(prepared.doc)).toContain('"type":"bold"');
    const table = prepared.doc.content?.find((node) => node.type === 'table');
    expect(table?.content).toHaveLength(4);
    // Footnote markers stay as text, without links that would lead nowhere.
    expect(JSON.stringify(prepared.doc)).not.toContain('#footnote');
  });

  it('refuses a document with a DOCTYPE (XML external entities) before parsing it', async () => {
    const bytes = makeDocx({
      body: [],
      documentPrologue: '<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
      rawDocument: `<w:document xmlns:w="${W}"><w:body>${paragraph('Leak: &secret;')}</w:body></w:document>`
    });
    const error = await refusal('xxe.docx', bytes);
    expect(error.message).toMatch(/xxe\.docx was refused: its part word\/document\.xml contains an XML document type declaration/);
    expect(error.message).not.toContain('root:');
  });

  it.each([
    ['notes.docx', new Uint8Array(Buffer.from('Just some text saved with the wrong name')), /notes\.docx is not a Word document: a \.docx file is a zip archive/],
    ['old.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /old\.docx is password-protected or is an old Word 97–2003 document/],
    ['photos.docx', zipSync({ 'photo.txt': strToU8('not word') }), /photos\.docx is a zip archive but not a Word document/],
    ['broken.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]), /broken\.docx is a damaged zip archive/],
    ['empty.docx', makeDocx({ body: [] }), /empty\.docx: The article has no readable text/]
  ])('refuses %s with a message naming the problem', async (fileName, bytes, message) => {
    expect((await refusal(fileName, bytes)).message).toMatch(message);
  });

  it('refuses a zip whose parts unpack to more than the limit (a zip bomb) without inflating them', async () => {
    const bomb = makeDocx({ body: [paragraph('Small so far.')] });
    // Declare 300 MB for word/document.xml in the zip's central directory, as a bomb would.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    const name = new TextEncoder().encode('word/document.xml');
    for (let offset = 0; offset < bomb.length - 46; offset += 1) {
      if (view.getUint32(offset, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(offset + 28, true);
      const entry = bomb.subarray(offset + 46, offset + 46 + nameLength);
      if (entry.length === name.length && entry.every((byte, index) => byte === name[index])) view.setUint32(offset + 24, 300 * 1024 * 1024, true);
    }
    expect((await refusal('bomb.docx', bomb)).message).toMatch(/bomb\.docx unpacks to more than 200 MB of text; it was refused/);
  });
});
