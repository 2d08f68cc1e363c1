/** Content types recognised from a file's first bytes, never from its name or the client's header. */
export type DetectedType =
  | 'application/pdf'
  | 'application/zip'
  | 'application/vnd.ms-powerpoint'
  | 'image/png'
  | 'image/jpeg';

export function detectContentType(head: Buffer): DetectedType | null {
  const starts = (bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0x50, 0x4b, 0x03, 0x04])) return 'application/zip'; // pptx/docx/xlsx are zip containers
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return 'application/vnd.ms-powerpoint'; // OLE2 compound file (legacy .ppt)
  }
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}
