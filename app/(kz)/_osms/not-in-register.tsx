/**
 * What a signed-in person whom the ОСМС register does not know is told (the cabinet and its pages): why
 * nothing can be shown, and where to go. `refusal` is a use case's own message when one was given.
 */
export function NotInKzRegister({ hasIin, refusal }: { hasIin: boolean; refusal?: string | null }) {
  return (
    <div className="panel panel--action" data-testid="not-in-register">
      <p>
        {refusal ??
          (hasIin
            ? 'Мы не нашли вас в реестре участников ОСМС по ИИН из eGov.'
            : 'eGov не передал ваш ИИН: без него сведения о статусе показать нельзя.')}
      </p>
      <p>
        Обратитесь в филиал фонда социального медицинского страхования или в центр обслуживания населения.
      </p>
    </div>
  );
}
