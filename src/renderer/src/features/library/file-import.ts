// Reading files the analyst picked or dropped, and sending them to the library one by one so that
// one unreadable file does not stop the others.
import type { ImportedArticle } from '../../../../shared/domain';
import type { AssayClient } from '../../api/client';
import { errorMessage } from '../../api/client';

export const ACCEPTED_FILE_TYPES = '.txt,.text,.md,.markdown,.html,.htm,.xhtml';

export interface FileImportOutcome {
  imported: ImportedArticle[];
  failed: { fileName: string; message: string }[];
}

function bytesToBase64(bytes: Uint8Array): string {
  // String.fromCharCode with a spread overflows the stack on large files; go in chunks.
  let binary = '';
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode(...bytes.subarray(index, index + chunk));
  }
  return btoa(binary);
}

export async function importFiles(client: AssayClient, files: File[]): Promise<FileImportOutcome> {
  const outcome: FileImportOutcome = { imported: [], failed: [] };
  for (const file of files) {
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      outcome.imported.push(await client.call('articles.importFile', { fileName: file.name, dataBase64: bytesToBase64(bytes) }));
    } catch (error) {
      outcome.failed.push({ fileName: file.name, message: errorMessage(error) });
    }
  }
  return outcome;
}

export function describeOutcome(outcome: FileImportOutcome): string {
  const parts: string[] = [];
  if (outcome.imported.length) {
    parts.push(
      outcome.imported.length === 1 ? `Added “${outcome.imported[0].title}”.` : `Added ${outcome.imported.length} articles.`
    );
  }
  for (const failure of outcome.failed) parts.push(failure.message.startsWith(failure.fileName) ? failure.message : `${failure.fileName}: ${failure.message}`);
  return parts.join(' ');
}
