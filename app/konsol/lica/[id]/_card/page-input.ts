import type { StaffContext } from '@/lib/auth/staff-context';
import { requireConsolePage } from '../../../_shell/require-section';

type Search = Record<string, string | string[] | undefined>;

/** What Next gives a page under /konsol/lica/[id]. */
export interface PersonPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Search>;
}

/** A record number in an address: a positive integer the database can hold. */
export const RECORD_ID = /^[1-9]\d{0,14}$/;

/**
 * The employee (or the sign-in / 403, by requireStaff), the person's number from the address (null when it
 * is not one) and the query's single values, trimmed (empty when absent or repeated).
 */
export async function personPageInput(props: PersonPageProps): Promise<{
  staff: StaffContext;
  personId: number | null;
  query: (name: string) => string;
}> {
  const { id } = await props.params;
  const staff = await requireConsolePage(`/konsol/lica/${encodeURIComponent(id)}`);
  const search = await props.searchParams;
  return {
    staff,
    personId: RECORD_ID.test(id) ? Number(id) : null,
    query: (name) => {
      const v = search[name];
      return typeof v === 'string' ? v.trim() : '';
    },
  };
}
