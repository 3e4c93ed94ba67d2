import { describe, expect, it } from 'vitest';
import { AssayError } from '../../shared/errors';
import { prepareArticle, prepareArticleFile } from './import-content';

const encode = (text: string) => new TextEncoder().encode(text);

describe('prepareArticle', () => {
  it('keeps structure and text of HTML but no scripts, handlers, frames, styles or remote images', () => {
    const html = `<html><head><title>Mines &amp; magnets</title><script>window.pwned = 1</script></head><body>
      <nav>Home | About</nav>
      <h1>Mines &amp; magnets</h1>
      <p onclick="steal()">China mined <b>270,000 t</b> in 2024.<img src="https://tracker.example/p.gif" onerror="steal()"></p>
      <iframe src="https://evil.example"></iframe><style>p { color: red }</style>
      <p><a href="javascript:alert(1)">bad link</a> and <a href="https://www.usgs.gov/">USGS</a></p>
      <ul><li>Burma</li><li>Australia</li></ul></body></html>`;
    const prepared = prepareArticle(html, 'html');
    expect(prepared.suggestedTitle).toBe('Mines & magnets');
    expect(prepared.text).toBe('Mines & magnets\nChina mined 270,000 t in 2024.\nbad link and USGS\nBurma\nAustralia');
    for (const forbidden of ['<script', 'onclick', 'onerror', '<iframe', '<img', '<style', 'javascript:', 'tracker.example']) {
      expect(prepared.html).not.toContain(forbidden);
      expect(JSON.stringify(prepared.doc)).not.toContain(forbidden);
    }
    expect(JSON.stringify(prepared.doc)).toContain('https://www.usgs.gov/');
    expect(prepared.doc.content?.map((node) => node.type)).toEqual(['heading', 'paragraph', 'paragraph', 'bulletList']);
  });

  it('reads Markdown headings, lists and emphasis, and takes the first heading as the title', () => {
    const prepared = prepareArticle('# Refining\n\nChina refines **about 90%**.\n\n- Lynas\n- MP Materials\n', 'markdown');
    expect(prepared.suggestedTitle).toBe('Refining');
    expect(prepared.text).toBe('Refining\nChina refines about 90%.\nLynas\nMP Materials');
  });

  it('splits plain text into paragraphs on blank lines and rejoins wrapped lines', () => {
    const prepared = prepareArticle('Rare earths in 2024\n\nWorld mine production\nreached 390,000 t.\n\n\nChina: 270,000 t.', 'text');
    expect(prepared.text).toBe('Rare earths in 2024\nWorld mine production reached 390,000 t.\nChina: 270,000 t.');
    expect(prepared.suggestedTitle).toBe('Rare earths in 2024');
  });

  it('refuses content with no readable text', () => {
    expect(() => prepareArticle('<script>alert(1)</script><style>x{}</style>', 'html')).toThrow(/no readable text/);
  });

  it('gives the same content hash to the same text', () => {
    expect(prepareArticle('<p>One</p>', 'html').contentHash).toBe(prepareArticle('One', 'text').contentHash);
  });
});

describe('prepareArticleFile', () => {
  it('decodes UTF-8 with and without a byte-order mark, UTF-16 and Windows-1252', () => {
    expect(prepareArticleFile('a.txt', encode('Café – 69%')).text).toBe('Café – 69%');
    expect(prepareArticleFile('b.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...encode('Café')])).text).toBe('Café');
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from('Café', 'utf16le'))]);
    expect(prepareArticleFile('c.txt', utf16).text).toBe('Café');
    expect(prepareArticleFile('d.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x93, 0x78, 0x94])).text).toBe('Café – “x”');
  });

  it.each([
    ['report.exe', encode('MZ'), /not a file Assay can import/],
    ['empty.txt', new Uint8Array(), /is empty/],
    ['binary.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]), /looks like a binary file/],
    ['scripts.html', encode('<script>alert(1)</script>'), /scripts\.html: .*no readable text/]
  ])('refuses %s with a message naming the problem', (fileName, bytes, message) => {
    let caught: unknown;
    try {
      prepareArticleFile(fileName, bytes);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AssayError);
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).toContain(fileName.split('.')[0]);
  });
});
