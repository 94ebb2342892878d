/**
 * Kazakhstan's ОСМС (обязательное социальное медицинское страхование) — the pure rules of the second
 * jurisdiction (issue 14). No I/O and nothing Russian: only the common helpers of lib/domain (dates,
 * results) and the error catalogue. A Kazakh deployment (REGISTER_JURISDICTION=kz, ADR 0029/0030) reaches
 * them through its use cases in lib/kz, behind the jurisdiction profile; a Russian one never calls them.
 *
 * - iin.ts — the ИИН: validation naming every failed check (IIN_INVALID_FORMAT, _DATE, _CENTURY,
 *   _CHECKSUM), decoding (encoded birth date, sex, serial), and synthetic numbers for seeds and tests.
 * - months.ts — calendar months (`YYYY-MM`) and month arithmetic with end-of-month clamping.
 * - parameters.ts — the yearly figures and the rules' periods, checked by zod when read; the data is
 *   db/reference/kz/osms-parameters.json (read by db/reference/kz/osms-parameters.ts), sources in the
 *   README next to it.
 * - categories.ts — the 15 state-paid categories (Law on ОСМС art. 28, as the fund lists them 2022–2025)
 *   and the 2 paid by local executive bodies, with stable codes and Russian names.
 * - osms-facts.ts — the facts a status is derived from: contributions (employer / self / state / local
 *   body monthly payments, and lump sums), category memberships, temporary statuses, residence.
 * - status-periods.ts — each ground as periods: categories and their grace (3 months, 6 after more than 5
 *   years of contributions in a row), employers' and the budget's contributions, a self-payer's month with
 *   no debt in the 12 months before, blocks of 12 separate advance payments (from 05.09.2022), the
 *   one-month temporary status.
 * - insured-status.ts — `osmsStatusOn`: insured or not on a date, the ground or the reason with Russian
 *   words and advice (the "why not" rule), until when, the 12 previous months paid or not, and the right
 *   kept while the information systems are down.
 * - payment.ts — a payment's data checked (`checkPayment`) and when two records are the same payment.
 * - temporary-status.ts — when a document may give a temporary status (`temporaryStatusRefusal`) and the
 *   day a revocation takes effect (`revokedOnFor`).
 *
 * Sources of the facts: issue 14 (the fund's and the ministry's public statements 2020–2025), the ФСМС
 * branches' published notes on rates and categories, the republican budget laws for МЗП (details and what
 * could not be confirmed: db/reference/kz/README.md).
 */
export {
  formIin,
  iinCheckDigit,
  syntheticIin,
  validateIin,
  type DecodedIin,
  type Iin,
  type IinSex,
} from './iin';
export {
  LOCAL_BODY_CATEGORIES,
  OSMS_CATEGORIES,
  STATE_PAID_CATEGORIES,
  categoryName,
  categoryPayer,
  isOsmsCategory,
  type OsmsCategory,
} from './categories';
export { employeeContribution, parseOsmsParameters, yearParameters, type OsmsParameters } from './parameters';
export type {
  CategoryMembership,
  OsmsContribution,
  OsmsFacts,
  OsmsResidence,
  TemporaryStatus,
} from './osms-facts';
export {
  NOT_INSURED_REASONS,
  OSMS_STATUS_CODES,
  osmsStatusOn,
  type InsuredGround,
  type MonthMark,
  type NotInsuredReason,
  type OsmsStatus,
} from './insured-status';
export { INSURED_GROUNDS } from './status-periods';
export { publicOsmsStatus, type PublicOsmsStatus } from './public-status';
export { checkKzPersonData, KZ_CITIZENSHIP, type KzPersonData, type KzPersonInput } from './person-data';
export { validateKzPersonName } from './person-name';
export { revokedOnFor, temporaryStatusRefusal, type TemporaryStatusRefusal } from './temporary-status';
export { checkPayment, samePayment, type Payment, type PaymentData, type PayerKind } from './payment';
