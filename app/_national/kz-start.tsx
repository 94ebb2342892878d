import { ClinicWays } from '../_components/clinic-ways';
import { StartButton } from '../_components/start-button';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';

export const KZ_START_TITLE = 'Статус в системе ОСМС — Реестр участников ОСМС';

/**
 * Kazakhstan's start page: the public status check by ИИН first (no sign-in: anyone may check whether a
 * person is insured and which months were paid, never amounts or names), then the cabinet through eGov,
 * and the services the profile lists. Plain HTML like the rest of the portal: every link works without
 * JavaScript.
 */
export function KazakhStart() {
  const { portal, texts } = jurisdictionProfile();
  const services = [...portal.journeys, ...portal.sections];
  return (
    <>
      <h1>Статус в системе ОСМС</h1>
      <p className="lead">
        {texts.fundName} ведёт реестр участников обязательного социального медицинского страхования. Статус
        застрахованного не оформляют по заявлению: он складывается из взносов, которые платят за вас
        работодатель, вы сами или государство, и из льготных категорий, за которые взносы платит государство.
      </p>
      <StartButton href="/proverka-statusa">Проверить статус по ИИН</StartButton>
      <p className="hint start-hint">
        Без входа: статус и отметки об оплате за 12 месяцев. Суммы взносов и плательщики — в личном кабинете.
      </p>

      <h2 id="kabinet">Личный кабинет</h2>
      <p>
        Войдите через eGov, чтобы увидеть взносы по месяцам с суммами и плательщиками, льготные категории и
        загрузить документ о льготной категории, если данные о ней ещё не поступили.
      </p>
      <p>
        <a className="button" href="/kabinet/vhod">
          Войти через eGov
        </a>
      </p>
      {services.length > 0 ? (
        <>
          <h2 id="uslugi">Услуги</h2>
          <ul className="link-list" aria-labelledby="uslugi">
            {services.map((s) => (
              <li key={s.href}>
                <a href={s.href}>{s.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <ClinicWays api="REST и FHIR R4: описание, примеры запросов и коды ошибок.">
        Проверить статус пациента можно по ИИН — в рабочем месте регистратора или из медицинской
        информационной системы через API.
      </ClinicWays>
    </>
  );
}
