// Saving what the library hands back (a .assay file, interchange exports) as downloads. In the
// desktop app and in browser mode alike a Blob link is all it takes; nothing leaves the machine.
import { strToU8, zipSync } from 'fflate';
import type { ExchangeExport } from '../../../../shared/projects';
import { base64ToBytes } from './merge-plan';

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download starts asynchronously in some runtimes.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadProjectFile(fileName: string, dataBase64: string): void {
  downloadBlob(fileName, new Blob([base64ToBytes(dataBase64)], { type: 'application/zip' }));
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'project'
  );
}

/** One file is saved as it is; several (a data package) go into one zip. Returns the name saved. */
export function downloadExchange(result: ExchangeExport, projectName: string): string {
  if (result.files.length === 1) {
    const [file] = result.files;
    const name = `${slug(projectName)}-${file.path.split('/').pop()}`;
    downloadBlob(name, new Blob([file.content], { type: file.mediaType }));
    return name;
  }
  const entries = Object.fromEntries(result.files.map((file) => [file.path, strToU8(file.content)]));
  const name = `${slug(projectName)}-${result.format}.zip`;
  downloadBlob(name, new Blob([zipSync(entries)], { type: 'application/zip' }));
  return name;
}
