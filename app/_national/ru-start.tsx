import { ClinicWays } from '../_components/clinic-ways';
import { StartButton } from '../_components/start-button';
import { JOURNEYS, SECTIONS } from '@/lib/portal/citizen-services';
import { ServiceCards } from '../_components/service-cards';

export const RU_START_TITLE = 'Полис ОМС онлайн — Единый регистр застрахованных лиц ОМС';

/**
 * Russia's start page (GOV.UK pattern): what the service is, one start button into the sign-in, and every
 * service as a link to its own page — a signed-out visitor is sent through the sign-in and back there
 * (the cabinet's pages do that themselves). Clinics and staff find their ways in below and in the footer.
 * Plain HTML like the rest of the portal (ADR 0016): every link works without JavaScript.
 */
export function RussianStart() {
  return (
    <>
      <h1>Полис ОМС онлайн</h1>
      <p className="lead">
        Единый регистр застрахованных лиц хранит сведения обо всех, кто застрахован по обязательному
        медицинскому страхованию в России. Полис ОМС — это ваш единый номер полиса (ЕНП) из 16 цифр: он не
        меняется всю жизнь, при переезде и при смене страховой компании.
      </p>
      <p>
        Здесь можно получить электронный полис себе и ребёнку, сменить страховую компанию, регион или
        поликлинику и посмотреть, что о вашем полисе знает регистр.
      </p>
      <StartButton href="/lk/vhod">Войти через Госуслуги</StartButton>
      <p className="hint start-hint">
        Нужна учётная запись на Госуслугах. Подавать заявления можно с подтверждённой учётной записью.
      </p>

      <h2 id="zayavleniya">Заявления</h2>
      <ServiceCards services={JOURNEYS} labelledBy="zayavleniya" />
      <h2 id="svedeniya">Сведения о полисе</h2>
      <ServiceCards services={SECTIONS} labelledBy="svedeniya" />

      <ClinicWays api="REST и FHIR R4: описание, примеры запросов, коды ошибок и как получить ключ.">
        Проверить полис пациента можно по документу, удостоверяющему личность, с датой рождения, по ЕНП или по
        СНИЛС — в рабочем месте регистратора или из медицинской информационной системы (МИС) через API.
      </ClinicWays>
    </>
  );
}
