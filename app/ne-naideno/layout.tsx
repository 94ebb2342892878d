import { notFound } from 'next/navigation';

/** Where console record pages send an unknown record: the site's own 404 page as plain HTML (see net-dostupa). */
export default function NotFoundLayout(): never {
  notFound();
}
