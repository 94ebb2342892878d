import { describe, expect, it } from 'vitest';
import { fileKindOf } from './file-signature';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('fileKindOf', () => {
  it('knows PDF, JPEG and PNG by their first bytes', () => {
    expect(fileKindOf(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n'))).toBe('application/pdf');
    expect(fileKindOf(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46))).toBe('image/jpeg');
    expect(fileKindOf(bytes(0xff, 0xd8, 0xff, 0xe1))).toBe('image/jpeg');
    expect(fileKindOf(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00))).toBe('image/png');
  });

  it('refuses everything else, whatever it claims to be', () => {
    expect(fileKindOf(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(fileKindOf(new TextEncoder().encode('PK\u0003\u0004 word document'))).toBeNull();
    expect(fileKindOf(new TextEncoder().encode(' %PDF-1.7'))).toBeNull();
    expect(fileKindOf(new TextEncoder().encode('<html>%PDF-'))).toBeNull();
    expect(fileKindOf(bytes())).toBeNull();
    // A signature cut short is not the signature.
    expect(fileKindOf(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a))).toBeNull();
    expect(fileKindOf(bytes(0xff, 0xd8))).toBeNull();
  });
});
