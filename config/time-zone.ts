/**
 * The register works on Moscow time: deadlines, "today" and every instant shown to people are counted
 * there. A constant with no imports, in a folder every layer may import (lib/domain and db/ included), so
 * the zone is written once.
 */
export const REGISTER_TIME_ZONE = 'Europe/Moscow';
