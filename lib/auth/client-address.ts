import { headers } from 'next/headers';
import { CLIENT_ADDRESS_HEADER, normalClientAddress } from './client-address-header';

/**
 * The address of the client of the current page request or server action, as the launcher's edge read it
 * from the TCP connection (api/edge.ts); 'unknown' when the request did not pass the edge (never in the
 * served application). IPv4 peers seen through an IPv6 socket are written as plain IPv4.
 */
export async function clientAddress(): Promise<string> {
  return normalClientAddress((await headers()).get(CLIENT_ADDRESS_HEADER));
}
