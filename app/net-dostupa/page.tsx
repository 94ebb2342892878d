/** Never rendered: the layout answers 403. */
export default function NoAccessPage() {
  return null;
}
