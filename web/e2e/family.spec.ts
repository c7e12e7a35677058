import { expect, test, type Page, type Route } from '@playwright/test';
import { chooseLanguage, gql, playNcaLayer, signInApi, step, type NcaLayerChoice } from './kezek';

const daughter = '220315670018';

async function signIn(page: Page, button: string) {
  await page.getByRole('button', { name: button }).click();
}

// A parent's whole journey: the mother registers in Kazakh, the father attaches in Russian, seats are published through the
// API, the turn's notification reaches her cabinet, she chooses and signs, downloads the direction and revokes it.
test('the family journey, signed through NCALayer', async ({ browser }) => {
  const mother = await (await browser.newContext()).newPage();
  let signer: NcaLayerChoice = 'mother';
  await playNcaLayer(mother, () => signer);

  await mother.goto('/sign-in');
  await chooseLanguage(mother, 'Қазақша');
  await step(mother, 'family-01-sign-in');
  await signIn(mother, 'ЭЦҚ арқылы кіру');

  // The first sign-in asks for the e-mail.
  await expect(mother.getByRole('heading', { level: 1 })).toHaveText('Электрондық поштаңызды көрсетіңіз');
  await step(mother, 'family-02-email');
  await mother.getByLabel('Электрондық пошта').fill('aigerim@example.kz');
  await mother.getByRole('button', { name: 'Жалғастыру' }).click();
  await expect(mother.getByRole('heading', { level: 1 })).toHaveText('Өтініштер журналы');
  await step(mother, 'family-03-journal-empty');

  // Register her daughter: the form, the check of answers, the signature with the SIGN key.
  await mother.getByRole('link', { name: 'Баланы кезекке қою' }).click();
  await mother.getByRole('button', { name: 'Жалғастыру' }).click();
  await expect(mother.getByRole('alert').filter({ hasText: 'Қателерді түзетіңіз' })).toBeVisible();
  await step(mother, 'family-04-register-errors');
  await mother.getByLabel('Баланың ЖСН-і').fill(daughter);
  await mother.getByLabel('Ұялы телефон').fill('+7 701 123 45 67');
  await mother.getByRole('button', { name: 'Жалғастыру' }).click();
  await expect(mother.getByRole('heading', { level: 1 })).toHaveText('Деректерді тексеріңіз');
  await step(mother, 'family-05-register-check');
  await mother.getByRole('button', { name: 'ЭЦҚ-мен қол қойып, жіберу' }).click();
  await expect(mother.getByText('Бала кезекке қойылды')).toBeVisible();
  const number = decodeURIComponent(new URL(mother.url()).pathname.split('/').pop()!);
  await expect(mother.getByRole('heading', { level: 1 })).toHaveText('АХМЕТОВА ӘЛИЯ ДӘУРЕНҚЫЗЫ');
  const queueNumber = Number(await mother.locator('.summary__row', { hasText: 'Кезектегі нөмірі' }).locator('dd').first().textContent());
  expect(queueNumber).toBeGreaterThan(0);
  await step(mother, 'family-06-registered');

  // The father attaches the application to his IIN, in Russian.
  const father = await (await browser.newContext()).newPage();
  await playNcaLayer(father, () => 'father');
  await father.goto('/sign-in');
  await chooseLanguage(father, 'Русский');
  await signIn(father, 'Войти с ЭЦП');
  await father.getByLabel('Электронная почта').fill('dauren@example.kz');
  await father.getByRole('button', { name: 'Продолжить' }).click();
  await father.getByRole('link', { name: 'Привязать заявление к моему ИИН' }).click();
  await father.getByLabel('ИИН ребёнка').fill(daughter);
  await step(father, 'family-07-attach');
  await father.getByRole('button', { name: 'Привязать' }).click();
  await expect(father.getByRole('heading', { level: 1 })).toHaveText('Заявление привязано');
  await step(father, 'family-08-attached');
  await father.getByRole('link', { name: `Открыть заявление ${number}` }).click();
  await expect(father.getByText('ДӘУРЕН', { exact: false }).first()).toBeVisible();
  await father.close();

  // The operator publishes seats to the queue through the API: enough to reach her.
  const operator = await signInApi('operator');
  const { kindergartens } = await gql('{ kindergartens(region: "almaty") { id bin } }');
  const balapan = kindergartens.find((k: { bin: string }) => k.bin === '160140012345').id;
  await gql('mutation($i: PublishPlacesInput!) { publishPlaces(input: $i) { notified } }',
    { i: { kindergartenId: balapan, groupYear: 2022, language: 'KK', count: queueNumber, mode: 'QUEUE' } }, operator);

  // The turn's notification is in her cabinet.
  await mother.getByRole('link', { name: 'Жеке кабинет' }).click();
  await mother.getByRole('link', { name: 'Хабарламалар' }).click();
  await expect(mother.locator('.card', { hasText: number }).first()).toBeVisible();
  await step(mother, 'family-09-notifications');

  // She chooses, checks and signs; the direction is issued with its deadline and document.
  await mother.goto(`/cabinet/applications/${encodeURIComponent(number)}`);
  await expect(mother.getByText('Кезегіңіз келді')).toBeVisible();
  await step(mother, 'family-10-turn');
  await mother.getByRole('link', { name: 'Балабақшаны таңдау' }).click();
  await expect(mother.getByRole('heading', { level: 1 })).toHaveText('Балабақшаны таңдау');
  await step(mother, 'family-11-free-places');
  await mother.getByRole('button', { name: /таңдау \(кезек бойынша\)$/ }).first().click();
  await expect(mother.getByRole('heading', { level: 1 })).toHaveText('Деректерді тексеріңіз');
  await step(mother, 'family-12-choose-check');
  await mother.getByRole('button', { name: 'ЭЦҚ-мен қол қойып, жіберу' }).click();
  await expect(mother.getByText('Жолдама берілді. Оны төменнен')).toBeVisible();
  await step(mother, 'family-13-direction');

  const download = mother.waitForEvent('download');
  const directionDocument = mother.locator('.documents li').last();
  await directionDocument.getByRole('button').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^${number.replace(/\./g, '\\.')}-direction\\.(pdf|html)$`));
  // Its verification code opens the public check.
  const code = (await directionDocument.getByRole('link').textContent())!;
  await mother.goto(`/verify/${code}`);
  await expect(mother.getByText('Құжатты Kezek жүйесі берген')).toBeVisible();
  await step(mother, 'family-13b-verify');
  await mother.goBack();

  // She revokes within the window, with a reason, and is back in her place.
  await mother.getByRole('link', { name: 'Жолдаманы кері қайтару' }).click();
  await mother.getByRole('button', { name: 'Жалғастыру' }).click();
  await expect(mother.getByRole('link', { name: 'Себебін жазыңыз' })).toBeVisible();
  await mother.getByLabel('Себебі').fill('Басқа қалаға көшеміз');
  await mother.getByRole('button', { name: 'Жалғастыру' }).click();
  await step(mother, 'family-14-revoke-check');
  await mother.getByRole('button', { name: 'ЭЦҚ-мен қол қойып, жіберу' }).click();
  await expect(mother.getByText('Жолдама кері қайтарылды')).toBeVisible();
  await expect(mother.locator('.summary__row', { hasText: 'Кезектегі нөмірі' }).locator('dd').first()).not.toHaveText('кезекте емес');
  await step(mother, 'family-15-revoked');

  // The public search finds her again in the queue, with who stands ahead (counts only, the name masked).
  await mother.goto('/');
  await mother.getByLabel('Баланың ЖСН-і', { exact: true }).fill(daughter);
  await mother.getByRole('button', { name: 'Табу' }).click();
  await expect(mother.getByText(number)).toBeVisible();
  await expect(mother.getByText(/Алдыңызда \d+/)).toBeVisible();
  await step(mother, 'family-15b-public-search');
  await mother.goto(`/cabinet/applications/${encodeURIComponent(number)}`);

  // Signing cancelled in NCALayer's dialog: nothing is sent, and she is told so.
  signer = 'cancel';
  await mother.getByRole('link', { name: 'Өтінішті кезектен алу' }).click();
  await mother.getByLabel('Себебі').fill('Тексеру');
  await mother.getByRole('button', { name: 'Жалғастыру' }).click();
  await mother.getByRole('button', { name: 'ЭЦҚ-мен қол қойып, жіберу' }).click();
  await expect(mother.getByText('Қол қою тоқтатылды')).toBeVisible();
  await step(mother, 'family-16-cancelled');
  await mother.close();
});

test('NCALayer not running: a clear message with a link to install it', async ({ page }) => {
  // Nothing answers at wss://127.0.0.1:13579 here.
  await page.goto('/sign-in');
  await chooseLanguage(page, 'Русский');
  await signIn(page, 'Войти с ЭЦП');
  await expect(page.getByText('NCALayer не запущен')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Скачать NCALayer (ncl.pki.gov.kz)' })).toHaveAttribute('href', 'https://ncl.pki.gov.kz/');
  await step(page, 'error-ncalayer-not-running');
});

test('an expired session leads to sign-in and back to the same page', async ({ page }) => {
  await playNcaLayer(page, () => 'stranger');
  await page.goto('/sign-in?next=%2Fcabinet%2Fnotifications');
  await chooseLanguage(page, 'Русский');
  await signIn(page, 'Войти с ЭЦП');
  await page.getByLabel('Электронная почта').fill('berik@example.kz');
  await page.getByRole('button', { name: 'Продолжить' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Уведомления');

  // The server ends the session (as when its lifetime passes); the next request finds it gone.
  const token = await page.evaluate(() => sessionStorage.getItem('kezek.session'));
  await gql('mutation { signOut }', {}, token!);
  await page.getByRole('link', { name: 'Назад' }).click();
  await expect(page.getByText('Сеанс завершён')).toBeVisible();
  await step(page, 'error-session-expired');
  await signIn(page, 'Войти с ЭЦП');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Журнал заявлений');
});

test('a closed action shows its reason; a seat taken meanwhile and a passed deadline are said in words', async ({ page }) => {
  await playNcaLayer(page, () => 'stranger');
  const token = await signInApi('stranger');
  await gql('mutation($e: String!) { updateContactPreferences(email: $e, language: RU) { email } }', { e: 'berik@example.kz' }, token);
  await page.goto('/sign-in?next=%2Fcabinet%2Fregister');
  await chooseLanguage(page, 'Русский');
  await signIn(page, 'Войти с ЭЦП');
  await page.getByLabel('ИИН ребёнка').fill('220820672038');
  await page.getByLabel('Мобильный телефон').fill('+77017654321');
  await page.getByRole('button', { name: 'Продолжить' }).click();
  await page.getByRole('button', { name: 'Подписать ЭЦП и отправить' }).click();
  await expect(page.getByText('Ребёнок поставлен в очередь')).toBeVisible();
  const number = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

  // Actions that are closed say why (availableActions' message).
  await page.getByText('Почему другие действия недоступны').click();
  await expect(page.locator('.closed-actions li').first()).toContainText(':');
  await step(page, 'error-closed-action');

  // Free choice: he picks a seat; another family takes the last one before his signature arrives. The API's answer is played
  // here (the race cannot be timed from a browser), in the API's own shape: the page says it and lists the seats again.
  await page.goto(`/cabinet/applications/${encodeURIComponent(number)}/choose`);
  await page.getByRole('button', { name: /^Выбрать «/ }).first().click();
  await page.route('**/graphql', (route) => refuseChoice(route, 'Свободных мест в этом детском саду больше нет: выберите другой.', 'NO_FREE_PLACE'));
  await page.getByRole('button', { name: 'Подписать ЭЦП и отправить' }).click();
  await expect(page.getByText('Свободных мест в этом детском саду больше нет')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Выбор детского сада');
  await step(page, 'error-seat-taken');
  await page.unroute('**/graphql');

  // A deadline that passed while the page was open: the API's refusal is shown in words.
  await page.route('**/graphql', (route) => refuseChoice(route, 'Срок выбора детского сада истёк.', 'DEADLINE_PASSED'));
  await page.getByRole('button', { name: /^Выбрать «/ }).first().click();
  await page.getByRole('button', { name: 'Подписать ЭЦП и отправить' }).click();
  await expect(page.getByText('Срок выбора детского сада истёк.')).toBeVisible();
  await step(page, 'error-deadline-passed');
});


/**
 * Answers an intercepted chooseKindergarten with the API's refusal, in the API's own shape; other requests go on to the
 * server. The portal sends a persisted query's hash alone first: such a request is told PERSISTED_QUERY_NOT_FOUND here,
 * so that the portal sends the document, which says what it is.
 */
async function refuseChoice(route: Route, message: string, code: string): Promise<void> {
  const body = route.request().postDataJSON() as { query?: string };
  const refuse = (text: string, errorCode: string) =>
    route.fulfill({
      contentType: 'application/graphql-response+json',
      body: JSON.stringify({ data: null, errors: [{ message: text, extensions: { code: errorCode } }] }),
    });
  if (!body.query) return refuse('Persisted query not found.', 'PERSISTED_QUERY_NOT_FOUND');
  if (!body.query.includes('chooseKindergarten(')) return route.fallback();
  return refuse(message, code);
}
