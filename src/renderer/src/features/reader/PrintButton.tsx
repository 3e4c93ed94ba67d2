// "Print to PDF" in the reader's toolbar: asks the library for the article's print document and
// the host for its PDF (the desktop app prints in a hidden window, browser mode with headless
// Chromium), then saves the PDF as a download.
import { useState } from 'react';
import type { PaperSize } from '../../../../shared/print';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';

function saveBlob(bytes: Uint8Array<ArrayBuffer>, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it has started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

const panelStyle = {
  position: 'absolute',
  right: 0,
  top: 'calc(100% + 4px)',
  zIndex: 20,
  minWidth: 220,
  padding: '10px 12px',
  display: 'grid',
  gap: 8,
  background: 'var(--paper)',
  border: '1px solid var(--line)',
  borderRadius: 8,
  boxShadow: '0 6px 20px rgba(0, 0, 0, 0.12)'
} as const;

export function PrintButton({ articleId }: { articleId: string }) {
  const client = useClient();
  const notices = useNotices();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [paper, setPaper] = useState<PaperSize>('a4');
  const [notes, setNotes] = useState(true);
  const [greyscale, setGreyscale] = useState(false);

  const print = async () => {
    setBusy(true);
    try {
      const job = await client.call('print.document', { articleId, options: { paper, notes, greyscale } });
      const printed = await client.call('print.pdf', job);
      saveBlob(fromBase64(printed.pdfBase64), job.fileName);
      setOpen(false);
      notices.show({ kind: 'info', message: `Saved ${job.fileName} (${printed.pageCount} page${printed.pageCount === 1 ? '' : 's'}).` });
    } catch (error) {
      notices.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span style={{ position: 'relative', marginLeft: 'auto' }}>
      <button type="button" aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen((value) => !value)}>
        Print…
      </button>
      {open && (
        <div role="dialog" aria-label="Print to PDF" style={panelStyle}>
          <label className="inline">
            Paper{' '}
            <select value={paper} onChange={(event) => setPaper(event.target.value as PaperSize)}>
              <option value="a4">A4</option>
              <option value="letter">Letter</option>
            </select>
          </label>
          <label>
            <input type="checkbox" checked={notes} onChange={(event) => setNotes(event.target.checked)} /> Include notes
          </label>
          <label>
            <input type="checkbox" checked={greyscale} onChange={(event) => setGreyscale(event.target.checked)} /> Greyscale-safe
          </label>
          <button type="button" className="primary" disabled={busy} onClick={() => void print()}>
            {busy ? 'Printing…' : 'Save PDF'}
          </button>
        </div>
      )}
    </span>
  );
}
