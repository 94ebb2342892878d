import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { citizen, signInAsCitizen } from './support/citizen';
import { demoPerson } from './support/demo';
import { CABINET_SECTIONS, expectNoHorizontalScroll, JOURNEY_PAGES, spacedEnp } from './support/portal';

/** The cabinet's start page and frame: the person and their children, every journey, the sections. */

const parent = demoPerson('active-moscow-parent');
const child = demoPerson('child-with-birth-certificate');

test.describe('the cabinet', () => {
  test('lists the parent and the child with their policy status, and links to every journey and section', async ({
    page,
  }) => {
    await signInAsCitizen(page, parent.key);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Личный кабинет');
    await expect(page.getByText('Здравствуйте, Сергей Петрович!')).toBeVisible();

    const cards = page.getByTestId('person-card');
    await expect(cards).toHaveCount(2);
    await expect(cards.nth(0)).toContainText(`${parent.lastName} ${parent.firstName} ${parent.patronymic}`);
    await expect(cards.nth(0)).toContainText(spacedEnp(parent.enp));
    await expect(cards.nth(0)).toContainText('Действует');
    await expect(cards.nth(1)).toContainText(`${child.lastName} ${child.firstName} ${child.patronymic}`);
    await expect(cards.nth(1)).toContainText('ребёнок');
    await expect(cards.nth(1)).toContainText(spacedEnp(child.enp));
    await expect(cards.nth(1).getByRole('link', { name: /Полис и выписка/ })).toHaveAttribute(
      'href',
      `/lk/polis?chelovek=${child.id}`,
    );
    await expect(cards.nth(1).getByRole('link', { name: /Кто смотрел полис/ })).toHaveAttribute(
      'href',
      `/lk/prosmotry?chelovek=${child.id}`,
    );

    const main = page.locator('main');
    for (const href of [...JOURNEY_PAGES, ...CABINET_SECTIONS]) {
      await expect(main.locator(`a[href="${href}"]`).first(), href).toBeVisible();
    }

    const nav = page.getByRole('navigation', { name: 'Разделы личного кабинета' });
    for (const name of ['Обзор', 'Мой полис', 'Мои заявления', 'Уведомления', 'Кто смотрел мой полис']) {
      await expect(nav.getByRole('link', { name, exact: name !== 'Уведомления' })).toBeVisible();
    }
    // One sign-out control: the header's button (no second «Выход» link in the navigation).
    await expect(page.getByRole('link', { name: 'Выход' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Выйти', exact: true })).toBeVisible();
    await expectAccessible(page);

    await cards
      .nth(1)
      .getByRole('link', { name: /Полис и выписка/ })
      .click();
    await expect(page.getByTestId('enp')).toHaveText(spacedEnp(child.enp));
  });

  test('a citizen not in the register is pointed to getting a policy', async ({ page }) => {
    await signInAsCitizen(page, 'simplified');
    const panel = page.getByTestId('not-in-register');
    await expect(panel).toContainText('мы не можем найти вас в регистре');
    await expect(panel.getByRole('link', { name: 'Оформить полис ОМС' })).toHaveAttribute(
      'href',
      '/lk/poluchit-polis',
    );
    await expect(page.getByTestId('person-card')).toHaveCount(0);
    await expectAccessible(page);
  });

  test('an unverified account sees its own policy and is told why it cannot apply', async ({ page }) => {
    const foreigner = demoPerson('foreign-resident');
    await signInAsCitizen(page, foreigner.key);
    await expect(page.getByRole('region', { name: 'Почему нельзя подать заявление' })).toBeVisible();
    await expect(page.getByTestId('person-card')).toHaveCount(1);
    await expect(page.getByTestId('person-card')).toContainText(spacedEnp(foreigner.enp));
    await expect(
      page.getByText('Подать заявление можно после подтверждения учётной записи Госуслуг.'),
    ).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe('the cabinet on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('fits a 375 px screen, passes axe, and the focus is visible', async ({ page }) => {
    await signInAsCitizen(page, parent.key);
    await expect(page.getByTestId('person-card')).toHaveCount(2);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Tab'); // the site title
    await page.keyboard.press('Tab'); // «Выйти»
    const focused = page.locator(':focus');
    await expect(focused).toHaveText('Выйти');
    expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  });
});

test.describe('the cabinet without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the start page, the navigation and the sections work with plain links', async ({ page }) => {
    await signInAsCitizen(page, parent.key);
    await expect(page.getByTestId('person-card')).toHaveCount(2);
    const nav = page.getByRole('navigation', { name: 'Разделы личного кабинета' });
    await nav.getByRole('link', { name: 'Мой полис', exact: true }).click();
    await expect(page).toHaveURL(/\/lk\/polis$/);
    await expect(page.getByTestId('enp')).toHaveText(spacedEnp(parent.enp));
    await nav.getByRole('link', { name: 'Мои заявления' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Мои заявления');
    await nav.getByRole('link', { name: 'Кто смотрел мой полис' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Кто смотрел мой полис');
    await nav.getByRole('link', { name: /Уведомления/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Уведомления');
    await expect(page.getByText(`Вы вошли как ${citizen(parent.key).name}`)).toBeVisible();
    await page.getByRole('button', { name: 'Выйти', exact: true }).click();
    await expect(page).toHaveURL(/\/$/);
  });
});
