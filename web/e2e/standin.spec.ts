import { expect, test, type Page } from '@playwright/test';
import { chooseLanguage, step } from './kezek';

// Against the Kezek that `dotnet run` gives: NCALayer is the Development stand-in, and the person picks who signs in its popup.
test.use({ baseURL: `http://127.0.0.1:${process.env.KEZEK_E2E_STANDIN_PORT}` });

/** Clicks the button that starts a signature and picks the demo person in the stand-in's popup. */
async function signWithPicker(page: Page, button: string, person: RegExp) {
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: button }).click();
  const picker = await popup;
  await picker.getByRole('button', { name: person }).click();
}

test('through the stand-in: the mother registers in Kazakh, the father attaches in Russian', async ({ browser }) => {
  const mother = await (await browser.newContext()).newPage();
  await mother.goto('/sign-in');
  await chooseLanguage(mother, 'Қазақша');
  await expect(mother.getByText('Демо режимі')).toBeVisible();
  await signWithPicker(mother, 'ЭЦҚ арқылы кіру', /АХМЕТОВА АЙГЕРІМ/);
  await mother.getByLabel('Электрондық пошта').fill('aigerim@example.kz');
  await mother.getByRole('button', { name: 'Жалғастыру' }).click();
  await mother.getByRole('link', { name: 'Баланы кезекке қою' }).click();
  await mother.getByLabel('Баланың ЖСН-і').fill('230701571020');
  await mother.getByLabel('Ұялы телефон').fill('+77011234567');
  await mother.getByRole('button', { name: 'Жалғастыру' }).click();
  await signWithPicker(mother, 'ЭЦҚ-мен қол қойып, жіберу', /АХМЕТОВА АЙГЕРІМ/);
  await expect(mother.getByText('Бала кезекке қойылды')).toBeVisible();
  await expect(mother.getByRole('heading', { level: 1 })).toHaveText('АХМЕТОВ НҰРСҰЛТАН ДӘУРЕНҰЛЫ');
  await step(mother, 'standin-01-registered');

  const father = await (await browser.newContext()).newPage();
  await father.goto('/sign-in');
  await chooseLanguage(father, 'Русский');
  await signWithPicker(father, 'Войти с ЭЦП', /АХМЕТОВ ДӘУРЕН/);
  await father.getByLabel('Электронная почта').fill('dauren@example.kz');
  await father.getByRole('button', { name: 'Продолжить' }).click();
  await father.getByRole('link', { name: 'Привязать заявление к моему ИИН' }).click();
  await father.getByLabel('ИИН ребёнка').fill('230701571020');
  await father.getByRole('button', { name: 'Привязать' }).click();
  await expect(father.getByRole('heading', { level: 1 })).toHaveText('Заявление привязано');
  await step(father, 'standin-02-attached');
});

test('through the stand-in: cancelling in the picker is said in words', async ({ page }) => {
  await page.goto('/sign-in');
  await chooseLanguage(page, 'Русский');
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Войти с ЭЦП' }).click();
  await (await popup).getByRole('button', { name: /Отмена|Cancel|Болдырмау/ }).click();
  await expect(page.getByText('Подпись отменена')).toBeVisible();
  await step(page, 'standin-03-cancelled');
});
