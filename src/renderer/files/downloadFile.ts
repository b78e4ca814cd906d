/**
 * Hands text to the browser as a file to save, the way a page offers a download: the file never passes
 * through main, so main needs no file-writing channel the page could misuse.
 */
export function downloadFile(fileName: string, contents: string, type: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
  } finally {
    // Chromium resolves the blob when the click starts the download, so the URL is not needed after it.
    URL.revokeObjectURL(url);
  }
}
