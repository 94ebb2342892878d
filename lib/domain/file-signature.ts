/**
 * What a file is, judged by its first bytes (its "magic number") — never by its name or the type a browser
 * or a client declared, which anyone can set to anything. Only the formats the register accepts are known.
 */
export type FileKind = 'application/pdf' | 'image/jpeg' | 'image/png';

const SIGNATURES: readonly { kind: FileKind; bytes: readonly number[] }[] = [
  // "%PDF-" (ISO 32000-1 §7.5.2: the header line starts the file)
  { kind: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // SOI marker followed by the next marker's 0xFF (JFIF, Exif and raw JPEG alike)
  { kind: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  // PNG's 8-byte signature (RFC 2083 §3.1)
  { kind: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The file's kind by its signature, or null when it is none of the known kinds. */
export function fileKindOf(bytes: Uint8Array): FileKind | null {
  const match = SIGNATURES.find(
    (s) => s.bytes.length <= bytes.length && s.bytes.every((b, i) => bytes[i] === b),
  );
  return match?.kind ?? null;
}
