// Saving a file from the page: an <a download> on a blob URL. In the desktop app this goes through
// Electron's default download handling; in browser mode, the browser's. Nothing leaves the machine.

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download starts reading it asynchronously in some runtimes.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A data: URL (ECharts' getDataURL) as a Blob, without fetching it. */
export function dataUrlToBlob(dataUrl: string): Blob {
  const [header, body = ''] = dataUrl.split(',', 2);
  const type = /^data:([^;,]+)/.exec(header)?.[1] ?? 'application/octet-stream';
  if (!header.endsWith(';base64')) return new Blob([decodeURIComponent(body)], { type });
  const binary = atob(body);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return new Blob([bytes], { type });
}
