import { z } from 'zod';

/**
 * The REST lookup's query string. Shapes only (strings of sane length); the meaning (document masks, check
 * digits, dates, "document only with birth date") is judged by the use case, so every channel agrees.
 */
export const lookupQuerySchema = z
  .strictObject({
    docType: z
      .string()
      .max(40)
      .optional()
      .describe('F011 code (14, 3, …) or alias: passport, birth-certificate, …'),
    series: z.string().max(20).optional().describe('Document series, e.g. 4510 or IV-МЮ'),
    number: z.string().max(40).optional().describe('Document number'),
    birthDate: z
      .string()
      .max(10)
      .optional()
      .describe('Birth date, YYYY-MM-DD; required with a document or СНИЛС'),
    enp: z.string().max(20).optional().describe('ЕНП, 16 digits'),
    snils: z.string().max(14).optional().describe('СНИЛС, 11 digits, separators allowed'),
    onDate: z.string().max(10).optional().describe('As-of date (the visit date), YYYY-MM-DD; default today'),
  })
  .describe('Exactly one of: docType+series+number+birthDate, enp, snils+birthDate');
