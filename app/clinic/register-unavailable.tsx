/**
 * The register cannot be read and nothing is known of this person (rule 10): no claim either way, and the
 * registrar is told not to refuse care for it. Every jurisdiction's workspace shows it the same.
 */
export function RegisterUnavailable({ message }: { message: string }) {
  return (
    <section className="status status--warn" aria-live="polite" data-testid="lookup-result">
      <h2>Регистр временно недоступен</h2>
      <p>{message}</p>
      <p>
        Сведений об этом человеке в последнем известном состоянии нет. Не отказывайте в помощи из-за этого.
      </p>
    </section>
  );
}
