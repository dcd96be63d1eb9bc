/** A file the clerk chose, as the API takes it: its name and its bytes in base64 (the page may hold a file the service cannot name). */
export interface UploadedFile {
  fileName: string;
  contentBase64: string;
}

export async function readUpload(file: File): Promise<UploadedFile> {
  return { fileName: file.name, contentBase64: toBase64(new Uint8Array(await file.arrayBuffer())) };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
