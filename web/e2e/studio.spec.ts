import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionDocument } from '../src/shared/signing/actionDocument';
import { chooseLanguage, gql, playNcaLayer, signInApi, signXml, step, type Person } from './kezek';

// Kezek Studio: each staff person signs in through the portal's sign-in (NCALayer played by Playwright) and does their work.

/** Signs in through the portal's page and lands on the studio page asked for, in the language given. */
async function signInToStudio(page: Page, who: Person, next: string, language: 'Русский' | 'Қазақша' = 'Русский') {
  await playNcaLayer(page, () => who);
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await chooseLanguage(page, language);
  await page.getByRole('button', { name: language === 'Русский' ? 'Войти с ЭЦП' : 'ЭЦҚ арқылы кіру' }).click();
}

/** A signed action through the API, as a family's own client sends it (the same document builder as the portal). */
async function signedAction(who: Person, token: string, mutation: string, input: Record<string, string>, selection: string) {
  const { requestNonce } = await gql('mutation { requestNonce { value } }', {}, token);
  const signed = signXml(actionDocument(mutation, requestNonce.value, input), who, 'SIGNATURE');
  const inputType = mutation === 'registerApplication' ? 'RegisterApplicationInput' : 'ChooseKindergartenInput';
  return gql(`mutation($i: ${inputType}!, $x: String!) { ${mutation}(input: $i, signedXml: $x) { ${selection} } }`, { i: input, x: signed }, token);
}

/** A child of 2022 the civil registry links to a demo parent (the administrator's import), registered in Almaty by them. */
async function registerChild(parent: Person, parentIin: string, parentName: string, childIin: string, childName: string, birthDate: string, benefit: Record<string, string> = { benefitCategory: 'NONE' }) {
  const administrator = await signInApi('administrator');
  const relation = parent === 'father' || parent === 'stranger' ? 'Father' : 'Mother';
  await gql('mutation($c: String!) { importCivilRegistry(csv: $c) { added } }', {
    c: `childIin,childFullName,childBirthDate,parentIin,parentFullName,relation\n${childIin},${childName},${birthDate},${parentIin},${parentName},${relation}\n`,
  }, administrator);
  const token = await signInApi(parent);
  await gql('mutation($e: String!) { updateContactPreferences(email: $e, language: RU) { email } }', { e: `${parent}@example.kz` }, token);
  const answer = await signedAction(parent, token, 'registerApplication', {
    region: 'almaty', childIin, ...benefit, email: `${parent}@example.kz`, phone: '+77015550000',
  }, 'application { number queueNumber }');
  return { token, number: answer.registerApplication.application.number as string };
}

test('a parent who opens /studio sees nothing of it', async ({ page }) => {
  await signInToStudio(page, 'mother', '/studio');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Нет доступа к студии');
  await expect(page.getByRole('navigation', { name: 'Разделы студии' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Перейти в личный кабинет' })).toBeVisible();
  await step(page, 'studio-00-no-access');
});

test('a policy officer of Almaty moves daysToChoose from 3 to 5: validated, dry-run, activated; Astana unchanged', async ({ page }) => {
  const astanaBefore = (await gql('{ regionPolicy(region: "astana") { daysToChoose } }')).regionPolicy.daysToChoose;
  await signInToStudio(page, 'officer', '/studio/rules');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Правила региона');
  await expect(page.getByRole('navigation', { name: 'Разделы студии' }).getByRole('link')).toHaveText(['Правила', 'Жизненные циклы', 'Статистика']);
  await step(page, 'studio-01-rules');

  const days = page.getByLabel('daysToChoose', { exact: true });
  await expect(days).toHaveValue('3');
  // A value out of range is refused as it is typed.
  await days.fill('0');
  await expect(page.getByText('Правила не прошли проверку')).toBeVisible();
  await step(page, 'studio-02-rules-invalid');
  // The same draft in the advanced view (Monaco, loaded now): the refusal is a marker where it points.
  await page.getByRole('button', { name: 'JSON (для опытных)' }).click();
  const rulesEditor = page.locator('.json-editor .monaco-editor');
  await expect(rulesEditor).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('textbox', { name: 'Набор правил (JSON)' })).toBeAttached();
  await rulesEditor.locator('.view-lines').click();
  await page.keyboard.press('F8');
  await expect(rulesEditor.locator('.marker-widget')).toContainText('GlobalParams.daysToChoose: Must be between 1 and 60.');
  await step(page, 'studio-02b-rules-monaco');
  await page.getByRole('button', { name: 'Значения' }).click();
  await days.fill('5');
  await expect(page.getByText('Правила прошли проверку')).toBeVisible();
  await expect(page.locator('.diff__added')).toContainText('"Expression": "5"');

  await page.getByRole('button', { name: 'Пробный запуск' }).click();
  const dryRun = page.getByRole('region', { name: 'Что изменится для действующих заявлений' });
  await expect(dryRun).toContainText('daysToChoose: 3 → 5');
  // The deadline a turn coming now would be given, before and after: it moves, and only it.
  const deadlines = dryRun.getByRole('table', { name: 'Сроки для шага, начатого сейчас: было и станет' });
  await expect(deadlines.getByRole('row')).toHaveCount(2);
  await expect(deadlines).toContainText('ChoiceDeadline');
  await expect(dryRun.locator('.facts')).toContainText('Действующих заявлений');
  await step(page, 'studio-03-rules-dry-run');

  await page.getByRole('button', { name: 'Активировать правила' }).click();
  await expect(page.getByRole('link', { name: 'Напишите причину (не короче 3 знаков)' }).or(page.getByText('Напишите причину (не короче 3 знаков)'))).toBeVisible();
  await page.getByLabel('Причина', { exact: true }).fill('Приказ № 12 от 01.12.2026: пять рабочих дней на выбор');
  await page.getByRole('button', { name: 'Активировать правила' }).click();
  await expect(page.getByText(/Правила активированы: действует версия \d+/)).toBeVisible();
  await expect(page.locator('table').last()).toContainText('Приказ № 12');
  await step(page, 'studio-04-rules-activated');

  expect((await gql('{ regionPolicy(region: "almaty") { daysToChoose } }')).regionPolicy.daysToChoose).toBe(5);
  expect((await gql('{ regionPolicy(region: "astana") { daysToChoose } }')).regionPolicy.daysToChoose).toBe(astanaBefore);

  // The lifecycle of the region, as a graph with live counts: the officer reads it; other regions run it too, so only an
  // administrator changes it (see the administrator's test).
  await page.getByRole('link', { name: 'Жизненные циклы' }).click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Вы можете смотреть этот жизненный цикл')).toBeVisible();
});

test('an operator confirms a benefit and the queue number changes on the card', async ({ page }) => {
  const { number } = await registerChild('father', '881102320340', 'АХМЕТОВ ДӘУРЕН ҚАНАТҰЛЫ', '220404570015', 'АХМЕТОВ АЛИХАН ДӘУРЕНҰЛЫ', '2022-04-04',
    { benefitCategory: 'PRIORITY', benefitDocumentType: 'Справка о многодетности', benefitDocumentNumber: 'MD-2026-00999' });
  await signInToStudio(page, 'operator', '/studio/journal');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Журнал заявлений');
  await page.getByRole('textbox', { name: 'Поиск' }).fill('220404570015');
  await page.getByRole('button', { name: 'Найти' }).click();
  await expect(page.getByText('Найдено: 1')).toBeVisible();
  await step(page, 'studio-07-journal');
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать CSV (Excel)' }).click();
  expect((await csv).suggestedFilename()).toBe('journal.csv');

  await page.getByRole('link', { name: number }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('АХМЕТОВ АЛИХАН ДӘУРЕНҰЛЫ');
  const queueNumber = page.getByTestId('queue-number');
  const before = Number(await queueNumber.textContent());
  await step(page, 'studio-08-card');
  await page.getByRole('button', { name: 'Подтвердить льготу' }).click();
  await expect(page.getByLabel('Документ-основание')).toHaveValue('Справка о многодетности MD-2026-00999');
  await page.getByLabel('Причина', { exact: true }).fill('Справка проверена в ЦОН');
  await step(page, 'studio-09-confirm-benefit');
  await page.getByRole('button', { name: 'Подписать ЭЦП и отправить' }).click();
  await expect(page.getByText('Льгота подтверждена', { exact: true })).toBeVisible();
  await expect(queueNumber).not.toHaveText(String(before));
  const after = Number(await queueNumber.textContent());
  expect(after).toBeLessThan(before);
  await expect(page.getByText(`Номер в очереди: ${before} → ${after}`).first()).toBeVisible();
  await step(page, 'studio-10-benefit-confirmed');

  // Seats: the form an operator publishes with (screenshot and axe only; the intake test publishes through the API).
  await page.getByRole('link', { name: 'Публикация мест' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Публикация мест');
  await step(page, 'studio-11-seats');

  // A kindergarten made in the form: the server refuses the BIN's check digit next to the field, then it is saved.
  await page.getByRole('link', { name: 'Детские сады', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Детские сады');
  await expect(page.locator('.card', { hasText: '160140012345' })).toBeVisible();
  await page.getByRole('button', { name: 'Добавить детский сад' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Новый детский сад');
  await page.getByLabel('БИН', { exact: true }).fill('130540077885');
  await page.getByLabel('Название на русском').fill('Ясли-сад № 150 «Жұлдыз»');
  await page.getByLabel('Название на казахском').fill('№ 150 «Жұлдыз» бөбекжай-бақшасы');
  await page.getByLabel('Адрес на русском').fill('г. Алматы, ул. Сатпаева, 30');
  await page.getByLabel('Адрес на казахском').fill('Алматы қ., Сәтбаев к-сі, 30');
  await page.getByLabel('Широта').fill('43,2400');
  await page.getByLabel('Долгота').fill('76.9100');
  await page.getByLabel('русский').check();
  await page.getByRole('button', { name: 'Добавить группу' }).click();
  await page.getByLabel('Год рождения').fill('2022');
  await page.getByRole('button', { name: 'Добавить детский сад' }).click();
  await expect(page.locator('#kg-bin-error')).toContainText('БИН «130540077885» указан неверно');
  await step(page, 'studio-19-kindergarten-refused');
  await page.getByLabel('БИН', { exact: true }).fill('130540077884');
  await page.getByRole('button', { name: 'Добавить детский сад' }).click();
  await expect(page.getByText('Сохранено: Ясли-сад № 150 «Жұлдыз»')).toBeVisible();
  await expect(page.locator('.card', { hasText: '130540077884' })).toContainText('2022 г.р., казахский: 25 мест');

  // In Kazakh: a CSV whose second line is outside Kazakhstan is refused whole, its line and field in a table; then loaded.
  await chooseLanguage(page, 'Қазақша');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Балабақшалар');
  const header = 'region,bin,nameRu,nameKk,addressRu,addressKk,latitude,longitude,languages,ownership,groups';
  const good = 'almaty,190440012341,Детский сад № 200 «Ақниет»,№ 200 «Ақниет» балабақшасы,"г. Алматы, ул. Абая, 1","Алматы қ., Абай д-лы, 1",43.2400,76.9200,kk,state,2022:kk:30';
  const bad = 'almaty,190440098765,Детский сад № 201,№ 201 балабақша,"г. Алматы, ул. Абая, 2","Алматы қ., Абай д-лы, 2",43.2400,96.9200,ru,state,2022:ru:20';
  await page.getByLabel('CSV мазмұны').fill(`${header}\n${good}\n${bad}\n`);
  await page.getByRole('button', { name: 'Жүктеу' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Файл жүктелмеді' });
  await expect(refusal.getByTestId('import-line')).toHaveText('3');
  await expect(refusal).toContainText('Бойлық');
  await expect(refusal).toContainText('Қазақстаннан тыс');
  await expect(page.locator('.card', { hasText: '190440012341' })).toHaveCount(0);
  await step(page, 'studio-20-import-line-error');
  await page.getByLabel('CSV мазмұны').fill(`${header}\n${good}\n`);
  await page.getByRole('button', { name: 'Жүктеу' }).click();
  await expect(page.getByText('Файл жүктелді')).toBeVisible();
  await expect(page.locator('.card', { hasText: '190440012341' })).toContainText('№ 200 «Ақниет» балабақшасы');
  await step(page, 'studio-21-import-done');

  // The language stays after a reload; the statistics dashboard draws its charts, each with a table.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Балабақшалар');
  await page.getByRole('link', { name: 'Статистика', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Кезек статистикасы');
  await expect(page.locator('figure.chart')).toHaveCount(4);
  await expect(page.getByRole('img', { name: /Туған жылдар бойынша кезек/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Санаттар бойынша кезек/ })).toContainText('Бірінші кезектегі');
  await page.getByText('Кесте түрінде көрсету').first().click();
  await expect(page.getByRole('table').first()).toContainText('2022 ж.т.');
  await step(page, 'studio-22-statistics-kk');
  await chooseLanguage(page, 'Русский');
});

test('a dead letter is retried from the outbox with a reason', async ({ page }) => {
  // The demo's notifications go out at once; one e-mail is made a dead letter in the database, as eight failed attempts leave it.
  const database = join(process.env.KEZEK_E2E_DATA!, 'kezek.db');
  const id = execFileSync('sqlite3', [database, "UPDATE Notifications SET Status = 'Dead', Attempts = 8, LastError = '554 5.7.1 Relay access denied (smtp.example.kz)' WHERE Id = (SELECT Id FROM Notifications WHERE Channel = 'email' ORDER BY Id LIMIT 1) RETURNING Id;"], { encoding: 'utf8' }).trim();
  expect(id).not.toBe('');
  await signInToStudio(page, 'operator', '/studio/outbox');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Исходящие уведомления');
  const dead = page.locator('.card', { hasText: 'Relay access denied' });
  await expect(dead).toBeVisible();
  // The event and the channel in words, not as codes.
  await expect(dead).toContainText('Канал: электронная почта');
  await expect(dead.locator('.card__title')).not.toHaveText(/^[a-z-]+$/);
  await step(page, 'studio-12-outbox-dead');
  await dead.getByRole('button', { name: 'Отправить снова' }).click();
  await dead.getByLabel('Причина повторной отправки').fill('Настройки SMTP исправлены');
  await dead.getByRole('button', { name: 'Отправить снова' }).last().click();
  await expect(page.getByText('Сообщение поставлено на повторную отправку')).toBeVisible();
  await expect(page.locator('.card', { hasText: 'Relay access denied' })).toHaveCount(0);
  const status = execFileSync('sqlite3', [database, `SELECT Status FROM Notifications WHERE Id = ${id};`], { encoding: 'utf8' }).trim();
  expect(['Pending', 'Sending', 'Sent']).toContain(status);
  await step(page, 'studio-13-outbox-retried');
});

test('kindergarten staff enrol a directed child from the intake list', async ({ page }) => {
  const { token, number } = await registerChild('stranger', '920909353074', 'ЖАНҰЗАҚОВ БЕРІК ОРАЛҰЛЫ', '220405670017', 'ЖАНҰЗАҚОВА МАДИНА БЕРІКҚЫЗЫ', '2022-04-05');
  // A free-choice seat in «Балапан», published by the operator; the family takes it (a signed choice).
  const operator = await signInApi('operator');
  const { kindergartens } = await gql('{ kindergartens(region: "almaty") { id bin } }');
  const balapan = kindergartens.find((k: { bin: string }) => k.bin === '160140012345').id;
  await gql('mutation($i: PublishPlacesInput!) { publishPlaces(input: $i) { published } }',
    { i: { kindergartenId: balapan, groupYear: 2022, language: 'KK', count: 1, mode: 'FREE_CHOICE' } }, operator);
  const { freePlaces } = await gql('{ freePlaces(region: "almaty", groupYear: 2022) { placeId mode kindergarten { bin } } }');
  const seat = freePlaces.find((p: { mode: string; kindergarten: { bin: string } }) => p.mode === 'FREE_CHOICE' && p.kindergarten.bin === '160140012345');
  await signedAction('stranger', token, 'chooseKindergarten', { applicationNumber: number, placeId: seat.placeId }, 'direction { id }');

  await signInToStudio(page, 'staff', '/studio/intake', 'Қазақша');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Балаларды қабылдау');
  const card = page.locator('.card', { hasText: 'ЖАНҰЗАҚОВА МАДИНА БЕРІКҚЫЗЫ' });
  await expect(card).toBeVisible();
  await step(page, 'studio-14-intake');
  await card.getByRole('button', { name: 'Қабылдау: ЖАНҰЗАҚОВА МАДИНА БЕРІКҚЫЗЫ' }).click();
  await expect(page.getByText('ЖАНҰЗАҚОВА МАДИНА БЕРІКҚЫЗЫ қабылданды')).toBeVisible();
  await expect(page.locator('.card', { hasText: 'ЖАНҰЗАҚОВА МАДИНА БЕРІКҚЫЗЫ' })).toHaveCount(0);
  await step(page, 'studio-15-enrolled');
});

test('an administrator sees roles and previews a civil-registry import', async ({ page }) => {
  await signInToStudio(page, 'administrator', '/studio/roles');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Роли сотрудников');
  await expect(page.getByRole('table')).toContainText('830912401233');
  await step(page, 'studio-16-roles');
  await page.getByRole('link', { name: 'Импорт ЗАГС' }).click();
  await page.getByLabel('Содержимое CSV').fill('childIin,childFullName,childBirthDate,parentIin,parentFullName,relation\n220315670018,АХМЕТОВА ӘЛИЯ ДӘУРЕНҚЫЗЫ,2022-03-15,900514410214,АХМЕТОВА АЙГЕРІМ СЕРІКҚЫЗЫ,Mother\n');
  await page.getByRole('button', { name: 'Предпросмотр' }).click();
  await expect(page.getByText('Предпросмотр: так изменятся данные')).toBeVisible();
  await step(page, 'studio-17-registry-preview');
  await page.getByLabel('Содержимое CSV').fill('childIin,childFullName,childBirthDate,parentIin,parentFullName,relation\n123,X,2022-03-15,900514410214,Y,Mother\n');
  await page.getByRole('button', { name: 'Предпросмотр' }).click();
  await expect(page.getByRole('alert')).toContainText('2');
  await step(page, 'studio-18-registry-line-error');

  // Regions, in Kazakh: a support e-mail the server refuses is shown next to its field, then the fixed one is saved.
  await page.getByRole('link', { name: 'Регионы' }).click();
  await chooseLanguage(page, 'Қазақша');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Өңірлер');
  await step(page, 'studio-23-regions');
  await page.locator('.card', { hasText: 'astana' }).getByRole('button', { name: /Өзгерту/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Өңірді өзгерту');
  await page.getByLabel('Электрондық пошта').fill('kezek at astana');
  await page.getByRole('button', { name: 'Өзгерістерді сақтау' }).click();
  await expect(page.locator('#region-supportEmail-error')).toHaveText('Электрондық пошта мекенжайы қате көрсетілген.');
  await step(page, 'studio-24-region-refused');
  await page.getByLabel('Электрондық пошта').fill('kezek@astana.example.kz');
  await page.getByRole('button', { name: 'Өзгерістерді сақтау' }).click();
  await expect(page.getByText(/^Сақталды: /)).toBeVisible();
  await expect(page.locator('.card', { hasText: 'astana' })).toContainText('kezek@astana.example.kz');
  await chooseLanguage(page, 'Русский');
});

test('a designer adds a state without a way in on the graph, fixes it there, activates, and the Mermaid export is the API\'s', async ({ page }) => {
  // Who may change the direction lifecycle: it runs in Almaty and Aktobe, so the administrator (a policy officer of Almaty
  // alone only reads it, see the officer's test).
  const cspViolations: string[] = [];
  // The studio runs under its own policy (entered from the sign-in page, it loads afresh): Monaco's styles, workers and
  // scripts break none of it.
  page.on('load', () => void cspViolations.splice(0));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()) && /style|script|worker/i.test(message.text())) cspViolations.push(message.text());
  });
  await signInToStudio(page, 'administrator', '/studio/lifecycles');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Жизненные циклы');
  await expect(page.getByRole('region', { name: 'Граф жизненного цикла «direction»' }).locator('.react-flow__node').first()).toBeVisible({ timeout: 20_000 });
  const graph = page.locator('.graph');
  await expect(page.getByText('Жизненный цикл прошёл проверку')).toBeVisible();
  // Arrow labels are laid out by ELK: no two overlap.
  const boxes = await graph.locator('.graph-edge-label').evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })));
  expect(boxes.length).toBeGreaterThan(15);
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      expect(a.x + a.w <= b.x + 0.5 || b.x + b.w <= a.x + 0.5 || a.y + a.h <= b.y + 0.5 || b.y + b.h <= a.y + 0.5, `labels ${i} and ${j} overlap`).toBe(true);
    }

  // A state without a way in: marked on the graph in words, and activation is refused.
  await page.getByRole('button', { name: 'Добавить состояние' }).click();
  const stateDialog = page.getByRole('dialog', { name: 'Добавить состояние' });
  await stateDialog.getByLabel('Имя состояния').fill('Archived');
  await stateDialog.getByLabel('Статус').selectOption('WITHDRAWN');
  await stateDialog.getByRole('button', { name: 'Добавить состояние' }).click();
  const archived = graph.locator('[data-state="Archived"]');
  await expect(archived).toHaveAttribute('data-problem', 'true');
  await expect(archived).toContainText('нет входа: недостижимо');
  await expect(page.getByText('Жизненный цикл не прошёл проверку')).toBeVisible();
  await page.getByLabel('Причина', { exact: true }).fill('Архив для переехавших');
  await expect(page.getByRole('button', { name: 'Активировать жизненный цикл' })).toBeDisabled();
  await step(page, 'studio-19-lifecycle-unreachable');

  // The same draft in Monaco: the server's refusal is a marker on the state, and the editor has its label (read in Kazakh).
  await chooseLanguage(page, 'Қазақша');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Өмірлік циклдер');
  await expect(archived).toContainText('кіру жолы жоқ: жетуге болмайды');
  await page.getByRole('button', { name: 'JSON (тәжірибелілерге)' }).click();
  const editor = page.locator('.json-editor .monaco-editor');
  await expect(editor).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('textbox', { name: 'Өмірлік цикл (JSON)' })).toBeAttached();
  await expect(editor.locator('.view-lines')).toContainText('"name": "direction"');
  // F8 goes to the next problem: the server's refusal, where it points.
  await editor.locator('.view-lines').click();
  await page.keyboard.press('F8');
  await expect(editor.locator('.marker-widget')).toContainText('states.Archived: No transition leads to this state from the initial one.');
  await expect(editor.locator('.view-lines')).toContainText('"name": "Archived"');
  await expect(editor.locator('.squiggly-error').first()).toBeAttached();
  expect(cspViolations).toEqual([]);
  await step(page, 'studio-20-lifecycle-monaco-kk');
  await chooseLanguage(page, 'Русский');
  await page.getByRole('button', { name: 'Граф' }).click();

  // A way in, drawn on the graph: from Moved to Archived, on Withdraw, with an activity from the library.
  await expect(archived).toBeVisible();
  await graph.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const from = (await graph.locator('[data-state="Moved"] .react-flow__handle-bottom').boundingBox())!;
  const to = (await archived.locator('.react-flow__handle-top').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
  const transitionDialog = page.getByRole('dialog', { name: 'Новый переход' });
  await expect(transitionDialog.getByLabel('Из состояния')).toHaveValue('Moved');
  await expect(transitionDialog.getByLabel('В состояние')).toHaveValue('Archived');
  await transitionDialog.getByLabel('Триггер').selectOption('Withdraw');
  await transitionDialog.getByLabel('Действие', { exact: true }).selectOption('notify');
  await transitionDialog.getByLabel('Аргумент').fill('withdrawn');
  await transitionDialog.getByRole('button', { name: 'Добавить действие' }).click();
  await expect(transitionDialog).toContainText('notify(withdrawn)');
  await step(page, 'studio-21-lifecycle-transition-dialog');
  await transitionDialog.getByRole('button', { name: 'Добавить переход' }).click();
  await expect(page.getByText('Жизненный цикл прошёл проверку')).toBeVisible();
  await expect(archived).not.toHaveAttribute('data-problem', 'true');
  await expect(page.locator('.graph-selected')).toContainText('Moved → Archived: Withdraw / notify(withdrawn)');
  await step(page, 'studio-22-lifecycle-fixed');

  await page.getByRole('button', { name: 'Активировать жизненный цикл' }).click();
  await expect(page.getByText('Жизненный цикл активирован: версия 2')).toBeVisible();
  await expect(page.getByRole('table').first()).toContainText('Архив для переехавших');

  // The Mermaid export is what the API serves for the region's lifecycle.
  const { data } = await (await page.request.post('/graphql', { data: { query: '{ workflow(region: "almaty") { version mermaid } }' } })).json();
  expect(data.workflow.version).toBe(2);
  expect(data.workflow.mermaid).toContain('Archived');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать Mermaid' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('direction.mmd');
  expect(readFileSync(await file.path(), 'utf8')).toBe(data.workflow.mermaid);
  await page.getByText('Экспорт Mermaid версии 2').click();
  await expect(page.getByTestId('mermaid-text')).toHaveText(data.workflow.mermaid);
  expect(cspViolations).toEqual([]);
});
