import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../dates';
import { TEMPORARY_DOCUMENT_MAX_BYTES, checkTemporaryUpload } from './temporary-document';
import { osmsParameters as params } from '@/testing/kz/osms';
import { temporaryStatusLastDay } from './status-periods';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const fields = (r: ReturnType<typeof checkTemporaryUpload>) =>
  r.ok ? [] : r.issues.map((i) => `${i.field}:${i.code}`);

describe('checkTemporaryUpload', () => {
  it('takes a PDF or an image by its bytes and keeps the file’s own name', () => {
    const pdf = checkTemporaryUpload({
      category: 'PENSIONER',
      document: { name: 'C:\\Users\\me\\справка.pdf', bytes: PDF },
    });
    expect(pdf).toEqual({
      ok: true,
      value: {
        category: 'PENSIONER',
        document: { name: 'справка.pdf', type: 'application/pdf', size: PDF.length },
      },
    });
    // The name says PDF, the bytes say PNG: the bytes win.
    const png = checkTemporaryUpload({ category: 'CHILDREN', document: { name: 'scan.pdf', bytes: PNG } });
    expect(png.ok && png.value.document.type).toBe('image/png');
  });

  it('names every wrong field: category and document', () => {
    expect(fields(checkTemporaryUpload({ category: '', document: null }))).toEqual([
      'category:FIELD_REQUIRED',
      'document:KZ_DOCUMENT_REQUIRED',
    ]);
    const html = new TextEncoder().encode('<html><body>%PDF-</body></html>');
    expect(
      fields(checkTemporaryUpload({ category: 'VIP', document: { name: 'a.pdf', bytes: html } })),
    ).toEqual(['category:KZ_CATEGORY_UNKNOWN', 'document:KZ_DOCUMENT_TYPE']);
    expect(
      fields(
        checkTemporaryUpload({ category: 'CHILDREN', document: { name: 'a.pdf', bytes: new Uint8Array() } }),
      ),
    ).toEqual(['document:KZ_DOCUMENT_REQUIRED']);
  });

  it('takes exactly 5 MiB and refuses one byte more', () => {
    const at = new Uint8Array(TEMPORARY_DOCUMENT_MAX_BYTES);
    at.set(PDF);
    expect(checkTemporaryUpload({ category: 'DISABILITY', document: { name: 'a.pdf', bytes: at } }).ok).toBe(
      true,
    );
    const over = new Uint8Array(TEMPORARY_DOCUMENT_MAX_BYTES + 1);
    over.set(PDF);
    expect(
      fields(checkTemporaryUpload({ category: 'DISABILITY', document: { name: 'a.pdf', bytes: over } })),
    ).toEqual(['document:KZ_DOCUMENT_TOO_LARGE']);
  });

  it('gives a name to a file sent without one, and refuses none for control characters in it', () => {
    const r = checkTemporaryUpload({
      category: 'CHILDREN',
      document: { name: 'a\u202Efdp.exe', bytes: PNG },
    });
    expect(r.ok && r.value.document.name).toBe('document.png');
  });
});

describe('temporaryStatusLastDay', () => {
  it('is the day before the same date a month later, clamped at a month’s end', () => {
    expect(temporaryStatusLastDay(params, '2025-03-10' as LocalDate)).toBe('2025-04-09');
    expect(temporaryStatusLastDay(params, '2025-12-15' as LocalDate)).toBe('2026-01-14');
    expect(temporaryStatusLastDay(params, '2025-01-31' as LocalDate)).toBe('2025-02-27');
  });
});
