/** Never rendered: the layout answers 404. */
export default function NotFoundPage() {
  return null;
}
