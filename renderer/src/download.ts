/** Saves bytes or text through the browser's download path (Electron shows its save dialog). */
export function saveDownload(fileName: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  saveDownload(fileName, text, type);
}
