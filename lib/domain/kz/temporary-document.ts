import { fieldIssue, type FieldIssue } from '@/lib/errors';
import { fileKindOf, type FileKind } from '../file-signature';
import { invalid, valid, type Checked } from '../result';
import { canonicalText, hasForbiddenCharacters } from '../text';
import { isOsmsCategory, type OsmsCategory } from './categories';

/**
 * The document that proves a category for the one-month temporary status (issue 14): a scan or a photo,
 * uploaded by a clinic's registrar or by the person. What it is is judged by its bytes (a PDF, a JPEG or a
 * PNG), never by its name or declared type; it is at most 5 MiB (the fund's apps take phone photos and
 * scans of a page or two — the database holds the same limit).
 */
export const TEMPORARY_DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;
export const TEMPORARY_DOCUMENT_KINDS: readonly FileKind[] = ['application/pdf', 'image/jpeg', 'image/png'];
const NAME_MAX = 255;
const EXTENSIONS: Record<FileKind, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

export interface TemporaryDocumentInput {
  /** The file's name as the browser or client sent it (a path is cut to its last part). */
  name: string;
  bytes: Uint8Array;
}

export interface CheckedTemporaryDocument {
  name: string;
  type: FileKind;
  size: number;
}

/** The file's own name: the last part of a path (some browsers send one), in NFC, at most 255 characters. */
function documentName(raw: string): string | null {
  const name = canonicalText(raw.split(/[\\/]/).pop()).trim();
  if (!name || hasForbiddenCharacters(name)) return null;
  return [...name].slice(-NAME_MAX).join('');
}

/**
 * Checks the category and the document, naming every wrong field (`category`, `document`): no file, an
 * empty one, one over 5 MiB, one that is none of the accepted kinds by its bytes.
 */
export function checkTemporaryUpload(input: {
  category: string;
  document: TemporaryDocumentInput | null;
}): Checked<{ category: OsmsCategory; document: CheckedTemporaryDocument }> {
  const issues: FieldIssue[] = [];
  const category = input.category.trim();
  if (!category) issues.push(fieldIssue('category', 'FIELD_REQUIRED', 'Выберите льготную категорию.'));
  else if (!isOsmsCategory(category)) issues.push(fieldIssue('category', 'KZ_CATEGORY_UNKNOWN'));

  const doc = input.document;
  let checked: CheckedTemporaryDocument | null = null;
  if (!doc || doc.bytes.length === 0) {
    issues.push(fieldIssue('document', 'KZ_DOCUMENT_REQUIRED'));
  } else if (doc.bytes.length > TEMPORARY_DOCUMENT_MAX_BYTES) {
    issues.push(fieldIssue('document', 'KZ_DOCUMENT_TOO_LARGE'));
  } else {
    const type = fileKindOf(doc.bytes);
    if (type === null || !TEMPORARY_DOCUMENT_KINDS.includes(type))
      issues.push(fieldIssue('document', 'KZ_DOCUMENT_TYPE'));
    else
      checked = {
        name: documentName(doc.name) ?? `document.${EXTENSIONS[type]}`,
        type,
        size: doc.bytes.length,
      };
  }
  if (issues.length > 0 || !checked) return invalid(...issues);
  return valid({ category: category as OsmsCategory, document: checked });
}
