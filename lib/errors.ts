/**
 * The typed error catalogue: every error the register shows to a person or an API client has a stable
 * code, an HTTP status and a Russian message here, and nowhere else. Pure data and one class, no I/O, so
 * domain rules may use it too.
 */
export const errorCatalogue = {
  // Generic
  VALIDATION_FAILED: { status: 400, message: 'Проверьте правильность заполнения полей.' },
  FIELD_REQUIRED: { status: 400, message: 'Заполните поле.' },
  NOT_FOUND: { status: 404, message: 'Запрошенные данные не найдены.' },
  FORBIDDEN: { status: 403, message: 'Недостаточно прав для этого действия.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Метод не поддерживается для этого адреса.' },
  UNAUTHENTICATED: { status: 401, message: 'Войдите в систему.' },
  BAD_REQUEST: { status: 400, message: 'Запрос составлен неверно: сервер не может его разобрать.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'Слишком большой запрос.' },
  CONFLICT: {
    status: 409,
    message: 'Данные изменились, пока выполнялся запрос. Обновите страницу и повторите действие.',
  },
  RATE_LIMITED: { status: 429, message: 'Слишком много запросов. Повторите позже.' },
  REGISTER_UNAVAILABLE: {
    status: 503,
    message: 'Регистр временно недоступен. Право на медицинскую помощь сохраняется до восстановления работы.',
  },
  INTERNAL: { status: 500, message: 'Внутренняя ошибка. Повторите попытку позже.' },

  // Dates
  DATE_INVALID: { status: 400, message: 'Укажите дату в формате ДД.ММ.ГГГГ.' },
  DATE_IN_FUTURE: { status: 400, message: 'Дата не может быть позже сегодняшней.' },
  DATE_TOO_EARLY: { status: 400, message: 'Дата слишком ранняя.' },
  DATE_RANGE_INVALID: { status: 400, message: 'Дата окончания должна быть позже даты начала.' },
  CALENDAR_YEAR_MISSING: {
    status: 200,
    message:
      'Срок рассчитан без официального производственного календаря (он ещё не утверждён) — по праздникам Трудового кодекса — и может сдвинуться, когда календарь утвердят.',
  },

  // Identifiers
  ENP_INVALID_FORMAT: { status: 400, message: 'ЕНП состоит из 16 цифр.' },
  ENP_INVALID_CHECKSUM: { status: 400, message: 'ЕНП указан с ошибкой: не сходится контрольная цифра.' },
  // A warning, never a refusal: the number is accepted (lib/domain/ru/enp.ts enpWarnings).
  ENP_UNKNOWN_PREFIX: {
    status: 200,
    message:
      'Первые две цифры ЕНП не совпадают с кодом субъекта РФ по текущему справочнику: возможно, номер присвоен в субъекте, который позже объединился с другим. Номер принят.',
  },
  SNILS_INVALID_FORMAT: { status: 400, message: 'СНИЛС состоит из 11 цифр: XXX-XXX-XXX YY.' },
  SNILS_INVALID_CHECKSUM: { status: 400, message: 'СНИЛС указан с ошибкой: не сходится контрольное число.' },
  SUBJECT_UNKNOWN: { status: 400, message: 'Неизвестный код субъекта РФ.' },
  // Kazakhstan's ИИН (lib/domain/kz/iin.ts)
  IIN_INVALID_FORMAT: { status: 400, message: 'ИИН состоит из 12 цифр.' },
  IIN_INVALID_DATE: {
    status: 400,
    message: 'ИИН указан с ошибкой: первые шесть цифр не образуют дату рождения.',
  },
  IIN_INVALID_CENTURY: {
    status: 400,
    message: 'ИИН указан с ошибкой: седьмая цифра (век рождения и пол) должна быть от 1 до 6.',
  },
  IIN_INVALID_CHECKSUM: { status: 400, message: 'ИИН указан с ошибкой: не сходится контрольная цифра.' },
  IIN_BIRTH_DATE_MISMATCH: {
    status: 400,
    message:
      'Дата рождения не совпадает с датой, зашифрованной в ИИН. Если в документе дата иная, чем в ИИН, отметьте, что расхождение подтверждено документом.',
  },
  IIN_SEX_MISMATCH: {
    status: 400,
    message: 'Пол не совпадает с седьмой цифрой ИИН (нечётная — мужской, чётная — женский).',
  },
  IIN_ALREADY_REGISTERED: { status: 409, message: 'Человек с таким ИИН уже есть в реестре участников ОСМС.' },
  RESIDENCE_PERMIT_FOR_CITIZEN: {
    status: 400,
    message: 'Вид на жительство указывается только для иностранцев и лиц без гражданства.',
  },

  // Kazakhstan's temporary status on a category document (issue 14, lib/kz/temporary)
  KZ_CATEGORY_UNKNOWN: { status: 400, message: 'Выберите льготную категорию из списка.' },
  KZ_DOCUMENT_REQUIRED: { status: 400, message: 'Приложите документ, подтверждающий категорию.' },
  KZ_DOCUMENT_TOO_LARGE: { status: 400, message: 'Файл больше 5 МБ. Уменьшите скан или фотографию.' },
  KZ_DOCUMENT_TYPE: {
    status: 400,
    message: 'Документ должен быть в формате PDF, JPEG или PNG (проверяется содержимое файла, а не его имя).',
  },
  KZ_ALREADY_INSURED_ON_CATEGORY: {
    status: 409,
    message:
      'Временный статус не нужен: данные о льготной категории уже поступили, статус застрахованного есть.',
  },
  KZ_TEMPORARY_STATUS_HOLDS: {
    status: 409,
    message: 'Временный статус по этой категории уже действует: повторная загрузка его не продлевает.',
  },
  KZ_TEMPORARY_STATUS_NOT_FOUND: { status: 404, message: 'Временный статус не найден.' },
  KZ_TEMPORARY_STATUS_REVOKED: { status: 409, message: 'Временный статус уже отозван.' },
  KZ_REVOKE_REASON_REQUIRED: {
    status: 400,
    message: 'Укажите причину отзыва: что не так с документом или категорией.',
  },

  // Identity documents (F011)
  DOCUMENT_KIND_UNKNOWN: { status: 400, message: 'Неизвестный вид документа.' },
  DOCUMENT_SERIES_INVALID: { status: 400, message: 'Серия документа указана неверно.' },
  DOCUMENT_NUMBER_INVALID: { status: 400, message: 'Номер документа указан неверно.' },
  DOCUMENT_EXPIRED: { status: 400, message: 'Срок действия документа истёк.' },

  // Person
  PERSON_NAME_INVALID: {
    status: 400,
    message: 'Используйте русские буквы, дефис, апостроф или пробел.',
  },
  PERSON_SEX_INVALID: { status: 400, message: 'Укажите пол: мужской или женский.' },
  PERSON_DECEASED: { status: 409, message: 'Человек умер: изменения полиса невозможны.' },
  PERSON_NOT_FOUND: { status: 404, message: 'Застрахованное лицо не найдено в регистре.' },
  DOCUMENT_ALREADY_REGISTERED: {
    status: 409,
    message: 'Документ с такими серией и номером уже есть в регистре у другого человека.',
  },
  SNILS_ALREADY_REGISTERED: { status: 409, message: 'Этот СНИЛС уже есть в регистре у другого человека.' },
  ENP_ALREADY_ASSIGNED: { status: 409, message: 'У человека уже есть ЕНП.' },

  // Coverage (state machine)
  COVERAGE_ALREADY_ACTIVE: { status: 409, message: 'Полис уже действует.' },
  COVERAGE_NOT_ACTIVE: { status: 409, message: 'Полис не действует: действие невозможно.' },
  COVERAGE_NOT_SUSPENDED: { status: 409, message: 'Полис не приостановлен: возобновлять нечего.' },
  COVERAGE_TERMINATED: { status: 409, message: 'Действие полиса прекращено.' },
  COVERAGE_NONE: { status: 409, message: 'У человека нет полиса ОМС.' },
  COVERAGE_REASON_INVALID: { status: 400, message: 'Основание не подходит для этого действия.' },
  COVERAGE_DATE_BEFORE_CURRENT: {
    status: 409,
    message: 'Дата изменения раньше начала текущего периода страхования.',
  },
  COVERAGE_OVERLAP: { status: 409, message: 'Периоды страхования одного человека не могут пересекаться.' },
  COVERAGE_SAME_INSURER: { status: 409, message: 'Вы уже застрахованы в этой страховой компании.' },
  COVERAGE_SAME_REGION: { status: 409, message: 'Вы уже застрахованы в этом регионе.' },

  // Insurers, clinics
  INSURER_UNKNOWN: { status: 400, message: 'Страховая медицинская организация не найдена.' },
  INSURER_NOT_SERVING_REGION: {
    status: 409,
    message: 'Эта страховая медицинская организация не работает в выбранном регионе.',
  },
  INSURER_CHANGE_LIMIT: {
    status: 409,
    message: 'Страховую компанию можно менять не чаще одного раза в календарный год.',
  },
  INSURER_CHANGE_AFTER_DEADLINE: {
    status: 409,
    message: 'Заявление о замене страховой компании в этом году подаётся не позднее 1 ноября.',
  },
  MO_UNKNOWN: { status: 400, message: 'Медицинская организация не найдена.' },
  MO_NOT_IN_REGION: { status: 409, message: 'Поликлиника находится в другом регионе.' },
  MO_NOT_PRIMARY_CARE: { status: 409, message: 'Эта медицинская организация не оказывает первичную помощь.' },
  ATTACHMENT_LIMIT: {
    status: 409,
    message: 'Поликлинику можно менять не чаще одного раза в год, если вы не переезжали.',
  },
  ATTACHMENT_SAME_MO: { status: 409, message: 'Вы уже прикреплены к этой поликлинике.' },

  // Applications (the console's queue)
  APPLICATION_NOT_FOUND: { status: 404, message: 'Заявление с таким номером не найдено.' },
  APPLICATION_ALREADY_DECIDED: { status: 409, message: 'Заявление уже рассмотрено.' },
  APPLICATION_NOT_ISSUABLE: {
    status: 409,
    message:
      'Заявление этого вида исполняется автоматически при подаче: оператор может только отказать с указанием причины.',
  },

  // Corrections (console)
  CORRECTION_REASON_REQUIRED: {
    status: 400,
    message: 'Укажите основание исправления: что было неверно и по какому документу исправлено.',
  },
  CORRECTION_NO_CHANGE: {
    status: 400,
    message: 'Исправление ничего не меняет: данные совпадают с записанными в регистре.',
  },
  CORRECTION_TARGET_NOT_FOUND: {
    status: 404,
    message: 'Исправляемая запись не найдена у этого человека (возможно, её уже исправили).',
  },

  // Staff sign-in and accounts
  SIGN_IN_FAILED: {
    status: 401,
    message: 'Неверный логин или пароль, либо учётная запись заблокирована.',
  },
  SIGN_IN_LOCKED: {
    status: 429,
    message: 'Вход временно заблокирован из-за нескольких неудачных попыток.',
  },
  SECOND_FACTOR_INVALID: {
    status: 401,
    message: 'Код неверный или уже использован. Введите новый код из приложения или резервный код.',
  },
  PASSWORD_WEAK: {
    status: 400,
    message: 'Пароль должен быть не короче 12 символов и не совпадать с логином.',
  },
  PASSWORD_WRONG: { status: 400, message: 'Текущий пароль указан неверно.' },
  STAFF_LOGIN_TAKEN: { status: 409, message: 'Учётная запись с таким логином уже есть.' },
  STAFF_SCOPE_INVALID: {
    status: 400,
    message: 'Укажите организацию, соответствующую роли: регион, страховую компанию или МО.',
  },
  STAFF_SELF_CHANGE: { status: 409, message: 'Эту операцию нельзя выполнить со своей учётной записью.' },
  // Agency feeds (issue 12, ADR 0021)
  FEED_SOURCE_UNKNOWN: {
    status: 404,
    message: 'Неизвестный источник событий. Допустимые источники: zags, mvd, military.',
  },
  FEED_KEY_INVALID: { status: 401, message: 'Ключ источника событий не указан, неверен или отозван.' },
  FEED_KEY_WRONG_SOURCE: { status: 403, message: 'Этот ключ выдан другому источнику событий.' },
  FEED_CONTENT_TYPE: {
    status: 415,
    message:
      'События принимаются как application/json (массив) или application/x-ndjson (по одному в строке).',
  },
  FEED_STREAM_MALFORMED: { status: 400, message: 'Поток событий не разбирается как JSON.' },
  FEED_LINE_TOO_LONG: { status: 413, message: 'Строка потока событий длиннее допустимого.' },
  FEED_TOO_MANY_EVENTS: { status: 413, message: 'Слишком много событий в одном запросе.' },
  FEED_TYPE_NOT_ALLOWED: { status: 400, message: 'Этот тип события не принимается от этого источника.' },
  FEED_EVENT_INVALID: { status: 400, message: 'Событие не соответствует схеме.' },
  FEED_PERSON_NOT_FOUND: { status: 404, message: 'Человек, о котором событие, пока не найден в регистре.' },
  FEED_PERSON_AMBIGUOUS: {
    status: 409,
    message: 'По данным события в регистре найдено несколько человек: нужен ЕНП или СНИЛС.',
  },
  FEED_PERSON_MISMATCH: {
    status: 409,
    message: 'ЕНП или СНИЛС из события принадлежит человеку с другими ФИО или датой рождения.',
  },
  FEED_MOTHER_NOT_FOUND: { status: 404, message: 'Мать ребёнка пока не найдена в регистре.' },
  FEED_MOTHER_NOT_INSURED: {
    status: 409,
    message: 'У матери ребёнка нет действующего полиса: не определена страховая компания ребёнка.',
  },
  FEED_NO_INSURER_IN_REGION: {
    status: 409,
    message: 'В регионе нет страховой медицинской организации, которая могла бы застраховать человека.',
  },
  FEED_DOCUMENT_NOT_FOUND: { status: 404, message: 'Документ из события не найден у этого человека.' },
  // Duplicates and merges (issue 13, ADR 0023)
  POSSIBLE_DUPLICATE: {
    status: 409,
    message:
      'В регистре, возможно, уже есть этот человек: запись не создана автоматически, её проверит специалист.',
  },
  DUPLICATE_CANDIDATE_NOT_FOUND: { status: 404, message: 'Пара возможных дублей не найдена.' },
  DUPLICATE_ALREADY_DECIDED: {
    status: 409,
    message: 'По этой паре уже принято решение (объединены или отмечены как разные люди).',
  },
  MERGE_NOT_POSSIBLE: {
    status: 409,
    message: 'Объединить эти записи нельзя: одна из них уже объединена с другой записью.',
  },
  MERGE_NOT_FOUND: { status: 404, message: 'Объединение не найдено или уже отменено.' },
  MERGE_UNDO_BLOCKED: {
    status: 409,
    message:
      'Отменить объединение нельзя: сохранённая запись с тех пор сама объединена с другой. Сначала отмените более позднее объединение.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** One invalid field: the field's name in the input, why, and the words for a person. */
export interface FieldIssue {
  field: string;
  code: ErrorCode;
  message: string;
}

export function fieldIssue(field: string, code: ErrorCode, message?: string): FieldIssue {
  return { field, code, message: message ?? errorCatalogue[code].message };
}

export interface AppErrorOptions {
  /** Overrides the catalogue's message when the situation allows a more precise one. */
  message?: string;
  fields?: FieldIssue[];
  /** Machine-readable details for API clients (e.g. the next allowed date). */
  details?: Record<string, unknown>;
  /** Kept for the logs, never shown. */
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldIssue[];
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? errorCatalogue[code].message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.fields = options.fields ?? [];
    this.details = options.details ?? {};
  }

  static validation(fields: FieldIssue[]): AppError {
    return new AppError('VALIDATION_FAILED', { fields });
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * Errors that say nothing about the request itself — a concurrent write, the register unreachable, a bug:
 * trying again may succeed, so they are never recorded as a decision (an application stays submitted).
 */
export const TRANSIENT_CODES: readonly ErrorCode[] = ['CONFLICT', 'REGISTER_UNAVAILABLE', 'INTERNAL'];

/** An `AppError` that is a decision about the request (not transient, not a bug). */
export function isDecisiveError(error: unknown): error is AppError {
  return isAppError(error) && !TRANSIENT_CODES.includes(error.code);
}
