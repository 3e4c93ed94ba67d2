// Saving what the library hands back (a .assay file, interchange exports) as downloads.
import { strToU8, zipSync } from 'fflate';
import type { ExchangeExport } from '../../../../shared/projects';
import { downloadBlob } from '../../app/downloads';
import { base64ToBytes } from './merge-plan';

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
