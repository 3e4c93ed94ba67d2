// A corpus of bad project files, each generated here with fflate: every one is refused with a
// message naming the problem, and the library's content is exactly as before (and no backup is
// taken for it).
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemporaryLibrary, libraryFingerprint, type TemporaryLibrary } from '../testing/temporary-library';
import { readZip } from './archive';
import { rewriteProjectFile, seedProject, type SeededProject } from './project-fixtures';

let source: TemporaryLibrary;
let target: TemporaryLibrary;
let seeded: SeededProject;
let good: string;

beforeAll(() => {
  source = createTemporaryLibrary();
  seeded = seedProject(source.dispatcher);
  good = source.dispatcher.call('projects.export', { projectId: seeded.projectId }).dataBase64;
  // The receiving library has content of its own, which must survive every refusal untouched.
  target = createTemporaryLibrary();
  target.dispatcher.call('articles.create', { content: 'Our own article about magnets.', format: 'text', title: 'Ours' });
});
afterAll(() => {
  source.dispose();
  target.dispose();
});

type Files = Record<string, string>;
const edit = (change: (files: Files) => void, options?: { fixHashes?: boolean }) => rewriteProjectFile(good, change, options);
const editJson = (entry: string, change: (rows: Record<string, unknown>[]) => void) =>
  edit((files) => {
    const rows = JSON.parse(files[entry]) as Record<string, unknown>[];
    change(rows);
    files[entry] = JSON.stringify(rows);
  });
const editManifest = (change: (manifest: Record<string, unknown>) => void) =>
  edit((files) => {
    const manifest = JSON.parse(files['manifest.json']) as Record<string, unknown>;
    change(manifest);
    files['manifest.json'] = JSON.stringify(manifest);
  }, { fixHashes: false });
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const goodBytes = () => Buffer.from(good, 'base64');

/** Sets the uncompressed size every central-directory entry declares. */
function declareSizes(bytes: Uint8Array, size: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  for (let offset = 0; offset < copy.length - 46; offset += 1) {
    if (view.getUint32(offset, true) === 0x02014b50) view.setUint32(offset + 24, size, true);
  }
  return copy;
}

const BAD_FILES: [string, () => string, RegExp][] = [
  ['an empty file', () => '', /project file is empty/],
  ['a truncated file', () => base64(goodBytes().subarray(0, Math.floor(goodBytes().length / 2))), /not a readable zip archive \(it may be truncated or corrupted\)/],
  ['a file that is not a zip', () => Buffer.from('<html>not a project</html>'.repeat(10)).toString('base64'), /not a readable zip archive/],
  [
    'a corrupted zip (damaged compressed data)',
    () => {
      const bytes = new Uint8Array(goodBytes());
      for (let index = 200; index < 260; index += 1) bytes[index] ^= 0xa5;
      return base64(bytes);
    },
    /truncated or corrupted|does not match its SHA-256|not valid JSON|not UTF-8/
  ],
  ['a manifest with a newer format version', () => editManifest((manifest) => (manifest.formatVersion = 2)), /format version 2, written by a newer Assay; this version reads up to 1/],
  ['another format', () => editManifest((manifest) => (manifest.format = 'qualcoder-project')), /format is "qualcoder-project", not "assay-project"/],
  ['no manifest', () => edit((files) => delete files['manifest.json'], { fixHashes: false }), /no manifest\.json/],
  ['a path escaping the archive', () => edit((files) => (files['../evil.json'] = '[]')), /points outside the archive/],
  ['a nested escaping path', () => edit((files) => (files['articles/../../evil.json'] = '[]')), /points outside the archive/],
  ['an absolute path', () => edit((files) => (files['/etc/cron.d/evil'] = '[]')), /absolute path/],
  ['a Windows drive path', () => edit((files) => (files['C:/evil.json'] = '[]')), /absolute path/],
  ['a zip bomb (declared sizes beyond the limit)', () => base64(declareSizes(goodBytes(), 300 * 1024 * 1024)), /would decompress to 300 MB; the limit is 256 MB per entry/],
  ['too many entries', () => edit((files) => Array.from({ length: 40 }, (_, index) => (files[`extra-${index}.json`] = '[]'))), /has 49 entries; a project file has at most 32/],
  ['content that does not match its hash', () => edit((files) => (files['claims.json'] = files['claims.json'].replace('accurate', 'misleading')), { fixHashes: false }), /content of claims\.json does not match its SHA-256 hash/],
  ['an entry the manifest does not list', () => edit((files) => (files['notes.txt'] = 'hello'), { fixHashes: false }), /entry notes\.txt is not listed in manifest\.json/],
  ['an entry that is not JSON', () => edit((files) => (files['figures.json'] = '[{"id": ')), /figures\.json is not valid JSON/],
  ['duplicate ids within a kind', () => editJson('claims.json', (rows) => rows.push({ ...rows[0] })), /id .* is used twice/],
  ['an id shared by two kinds', () => editJson('figures.json', (rows) => (rows[0].id = seeded.claimIds[0])), /is used twice/],
  ['a highlight whose article is absent', () => editJson('highlights.json', (rows) => (rows[0].articleId = '0badf00d-0000-4000-8000-000000000000')), /refers to article 0badf00d-.*, which is not in the file/],
  ['a link to a missing figure', () => editJson('links.json', (rows) => (rows[0].targetId = '0badf00d-0000-4000-8000-000000000001')), /evidence link .* refers to figure 0badf00d-0000-4000-8000-000000000001/],
  ['a computation from a missing figure', () => editJson('claims.json', (rows) => {
    const claim = rows.find((row) => row.computation) as { computation: { aFigureId: string } };
    claim.computation.aFigureId = '0badf00d-0000-4000-8000-000000000002';
  }), /computation of claim .* refers to figure/],
  ['an invalid verdict', () => editJson('claims.json', (rows) => (rows[0].verdict = 'great')), /claims\.json, record 1 \(id .*\), is invalid: verdict/],
  ['a script URL as an article URL', () => editJson('articles.json', (rows) => (rows[0].url = 'javascript:alert(1)')), /url: a URL must start with http/],
  ['an id that could be a path', () => editJson('figures.json', (rows) => (rows[0].id = '../../etc/passwd')), /id: an id must be/],
  ['an unknown field', () => editJson('figures.json', (rows) => (rows[0].owner = 'eve')), /Unrecognized key/i],
  [
    'an event handler in the document',
    () => editJson('articles.json', (rows) => {
      const doc = rows[0].doc as { content: { attrs?: Record<string, unknown> }[] };
      doc.content[0].attrs = { onclick: 'alert(1)' };
    }),
    /carries active content in its document \(doc\.content\[0\]: the attribute “onclick”\)/
  ],
  [
    'a javascript: link in the document',
    () => editJson('articles.json', (rows) => {
      const doc = rows[0].doc as { content: { content: { marks?: unknown[] }[] }[] };
      doc.content[1].content[0].marks = [{ type: 'link', attrs: { href: 'javascript:alert(document.cookie)' } }];
    }),
    /active content in its document .*javascript: URL/
  ],
  [
    'a node the article schema does not know',
    () => editJson('articles.json', (rows) => {
      const doc = rows[0].doc as { content: unknown[] };
      doc.content.push({ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] });
    }),
    /document of the article .* is invalid/
  ],
  ['body text that does not match the document', () => editJson('articles.json', (rows) => (rows[0].bodyText = 'Something else entirely.')), /body text of the article .* does not match its document/]
];

describe('bad project files', () => {
  it.each(BAD_FILES)('refuses %s, naming the problem, and changes nothing', (_name, make, message) => {
    const data = make();
    const before = libraryFingerprint(target.library);
    for (const method of ['projects.previewImport', 'projects.applyImport'] as const) {
      const envelope = target.dispatcher.invoke(method, { dataBase64: data });
      expect(envelope.ok).toBe(false);
      expect(!envelope.ok && envelope.error.message).toMatch(message);
    }
    expect(libraryFingerprint(target.library)).toBe(before);
    expect(target.dispatcher.call('library.backups', {})).toEqual([]);
  });

  it('inflates nothing beyond the declared, checked sizes', () => {
    // 20 MB of zeros compress to a few kilobytes; with a 1 MB limit the directory check stops it.
    const bomb = zipSync({ 'articles.json': new Uint8Array(20 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => readZip(bomb, { maxEntries: 32, maxTotalUncompressedBytes: 1024 * 1024, maxEntryUncompressedBytes: 1024 * 1024 })).toThrow(
      /would decompress to 20 MB; the limit is 1 MB per entry/
    );
    // An entry that understates its size is inflated only up to what it declares (the manifest's
    // hash then refuses the cut-off content, as the corpus above shows).
    const liar = declareSizes(zipSync({ 'articles.json': strToU8('x'.repeat(5000)) }), 10);
    expect(readZip(liar).get('articles.json')).toHaveLength(10);
  });

  it('sanitises active content in the kept source HTML, and sets aside what it cannot take with what depends on it', () => {
    const data = edit((files) => {
      const articles = JSON.parse(files['articles.json']) as { id: string; sourceHtml: string }[];
      const magnets = articles.find((article) => article.id === seeded.articleIds[0])!;
      magnets.sourceHtml = `${magnets.sourceHtml}<script>fetch('https://evil.example')</script><p onclick="x()">Hi</p>`;
      files['articles.json'] = JSON.stringify(articles);
      const figures = JSON.parse(files['figures.json']) as { id: string; unit: string }[];
      figures.find((figure) => figure.id === seeded.figureIds[1])!.unit = 'zorkmids';
      files['figures.json'] = JSON.stringify(figures);
    });
    const fresh = createTemporaryLibrary();
    try {
      const plan = fresh.dispatcher.call('projects.previewImport', { dataBase64: data });
      expect(plan.notes.join('\n')).toMatch(/source HTML of “Rare earths and magnets” contained markup .* it was sanitised/);
      expect(plan.rejected).toEqual([
        expect.objectContaining({ kind: 'figure', id: seeded.figureIds[1], reason: expect.stringMatching(/^unit: /) }),
        expect.objectContaining({ kind: 'claim', id: seeded.claimIds[0], reason: `it depends on ${seeded.figureIds[1]}, which was rejected` }),
        expect.objectContaining({ kind: 'link', reason: 'its claim or its target was rejected' })
      ]);
      const report = fresh.dispatcher.call('projects.applyImport', { dataBase64: data });
      expect(report.summary.rejected).toBe(3);
      const article = fresh.library.db.prepare('SELECT source_html FROM articles WHERE id = ?').get(seeded.articleIds[0]) as { source_html: string };
      expect(article.source_html).not.toMatch(/script|onclick|evil/);
      expect(fresh.dispatcher.invoke('claims.get', { id: seeded.claimIds[0] })).toMatchObject({ ok: false });
      expect(fresh.dispatcher.call('claims.get', { id: seeded.claimIds[1] }).id).toBe(seeded.claimIds[1]);
    } finally {
      fresh.dispose();
    }
  });

  it('accepts the untouched file', () => {
    expect(target.dispatcher.call('projects.previewImport', { dataBase64: good }).summary).toMatchObject({ added: 13, rejected: 0 });
  });
});
