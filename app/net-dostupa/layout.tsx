import { forbidden } from 'next/navigation';

/**
 * Where console sections send someone their role does not allow: thrown from a layout right under the
 * site's root, forbidden() is answered by the site's own 403 page as plain HTML (thrown deeper, Next sends
 * its bare error document that only JavaScript fills in).
 */
export default function NoAccessLayout(): never {
  forbidden();
}
