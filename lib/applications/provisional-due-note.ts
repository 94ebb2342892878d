import { errorCatalogue } from '@/lib/errors';

/**
 * Said wherever a provisional due time is shown to a citizen. A module of its own: the journeys' client
 * components show it, and must not pull the application store (and the server's logger) into the browser.
 */
export const PROVISIONAL_DUE_NOTE = errorCatalogue.CALENDAR_YEAR_MISSING.message;
