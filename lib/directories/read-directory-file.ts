import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type DirectoryKind = 'insurers' | 'medical_organisations' | 'subjects';
export type DirectoryFileFormat = 'csv' | 'xml';

/** A directory file larger than this is refused before it is read (F003 for the whole country is ≈ 6 MB). */
export const DIRECTORY_FILE_MAX_BYTES = 20 * 1024 * 1024;
/** And so is one with more records than this. */
export const DIRECTORY_FILE_MAX_RECORDS = 100_000;

/** One record of the file as written: field names lower-cased, values trimmed, numbered from 1. */
export interface RawRecord {
  row: number;
  fields: Record<string, string>;
}

export type ReadResult = { ok: true; records: RawRecord[] } | { ok: false; message: string };

/**
 * The element that holds one record in the ФФОМС files: `insCompany` in F002 (insurers), `medCompany` in
 * F003 (medical organisations), `zap` in F010 (subjects of the RF, like the fund's other classifiers), each
 * a child of the root `packet` (after the header `zglv`).
 */
export const XML_RECORD_ELEMENT: Record<DirectoryKind, string> = {
  insurers: 'insCompany',
  medical_organisations: 'medCompany',
  subjects: 'zap',
};

export function readCsvRecords(text: string): ReadResult {
  let rows: string[][];
  try {
    rows = parseCsv(text, {
      bom: true,
      // The ФФОМС's own CSV uses semicolons; a comma-separated file is read too, as told by its header.
      delimiter: (text.split('\n', 1)[0] ?? '').includes(';') ? ';' : ',',
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) satisfies string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      ok: false,
      message: `Файл CSV не читается${line ? ` (строка ${line})` : ''}: проверьте кавычки и разделители.`,
    };
  }
  const [header, ...data] = rows;
  if (!header) return { ok: false, message: 'Файл пуст: нет строки заголовка.' };
  const names = header.map((h) => h.toLowerCase());
  return {
    ok: true,
    records: data.map((cells, i) => ({
      row: i + 1,
      fields: Object.fromEntries([
        ...names.map((name, j) => [name, cells[j] ?? ''] as const),
        // A row with more or fewer cells than the header is reported by the row checks.
        ...(cells.length !== names.length ? [['__cells', String(cells.length)] as const] : []),
      ]),
    })),
  };
}

function flatten(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === null || typeof value !== 'object') return out;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string' || typeof v === 'number') out[key.toLowerCase()] = String(v).trim();
    else if (v && typeof v === 'object' && !Array.isArray(v)) {
      // Nested blocks (an address split into parts) are read for their own simple fields.
      for (const [k, inner] of Object.entries(flatten(v))) out[k] ??= inner;
    }
  }
  return out;
}

function readXmlRecords(text: string, kind: DirectoryKind): ReadResult {
  // The ФФОМС files need no document type; a DTD could only define entities (and expand them).
  if (/<!DOCTYPE/i.test(text)) return { ok: false, message: 'Объявление DOCTYPE в файле не допускается.' };
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return { ok: false, message: `Файл XML не читается (строка ${valid.err.line}): ${valid.err.msg}` };
  }
  const element = XML_RECORD_ELEMENT[kind];
  const doc = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    processEntities: true,
    isArray: (name) => name === element,
  }).parse(text) as Record<string, unknown>;
  const packet = doc.packet as Record<string, unknown> | undefined;
  if (!packet || typeof packet !== 'object') {
    return { ok: false, message: 'В файле XML нет корневого элемента packet.' };
  }
  const items = packet[element];
  if (!Array.isArray(items)) {
    return { ok: false, message: `В файле XML нет ни одной записи ${element}.` };
  }
  return { ok: true, records: items.map((item, i) => ({ row: i + 1, fields: flatten(item) })) };
}

/** The file's text, or why it cannot be read: empty, too large, not UTF-8. */
export function decodeDirectoryFile(
  content: Uint8Array,
): { ok: true; text: string } | { ok: false; message: string } {
  if (content.byteLength === 0) return { ok: false, message: 'Файл пуст.' };
  if (content.byteLength > DIRECTORY_FILE_MAX_BYTES) {
    return { ok: false, message: `Файл больше ${DIRECTORY_FILE_MAX_BYTES / 1024 / 1024} МБ.` };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(content) };
  } catch {
    return { ok: false, message: 'Файл не в кодировке UTF-8.' };
  }
}

/** Reads a directory file into records, or says in Russian why the file as a whole cannot be read. */
export function readDirectoryFile(
  kind: DirectoryKind,
  format: DirectoryFileFormat,
  content: Uint8Array,
): ReadResult {
  const decoded = decodeDirectoryFile(content);
  if (!decoded.ok) return decoded;
  const text = decoded.text;
  const read = format === 'csv' ? readCsvRecords(text) : readXmlRecords(text, kind);
  if (read.ok && read.records.length === 0) return { ok: false, message: 'В файле нет ни одной записи.' };
  if (read.ok && read.records.length > DIRECTORY_FILE_MAX_RECORDS) {
    return { ok: false, message: `В файле больше ${DIRECTORY_FILE_MAX_RECORDS} записей.` };
  }
  return read;
}
