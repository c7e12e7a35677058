import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { actionDocument } from '../src/shared/signing/actionDocument';
import { baseUrl, chooseLanguage, gql, playNcaLayer, signInApi, signXml, step, type Person } from './kezek';

// Release windows (docs/allocation.md), face to face. Runs last (its file name): it switches Almaty to `window` and back.
// A policy officer switches the region in the studio, seats are published, a family ranks in the portal and reads the
// window, the close is forced (Development's movable clock), the family reads its outcome and reason, anyone checks the
// public extract, and the operator audits the run: the recomputation in the browser equals the recorded outcome.

const mother = { iin: '900514410214', name: 'АХМЕТОВА АЙГЕРІМ СЕРІКҚЫЗЫ' };
const earlier = { iin: '220506600015', name: 'САПАРОВА ДАНА АЙДОСҚЫЗЫ', birth: '2022-05-06' };
const later = { iin: '220507600010', name: 'АХМЕТОВА ЖАНЕЛЬ ДӘУРЕНҚЫЗЫ', birth: '2022-05-07' };

async function signedAction(who: Person, token: string, mutation: string, inputType: string, input: Record<string, string | string[]>) {
  const { requestNonce } = await gql('mutation { requestNonce { value } }', {}, token);
  const signed = signXml(actionDocument(mutation, requestNonce.value, input), who, 'SIGNATURE');
  return gql(`mutation($i: ${inputType}!, $x: String!) { ${mutation}(input: $i, signedXml: $x) { application { number } } }`, { i: input, x: signed }, token);
}

async function signIn(page: Page, who: Person, next: string) {
  await playNcaLayer(page, () => who);
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await chooseLanguage(page, 'Русский');
  await page.getByRole('button', { name: 'Войти с ЭЦП' }).click();
}

/** Almaty's rule set with allocation set as given, activated by the officer through the API. */
async function setAllocation(mode: string) {
  const officer = await signInApi('officer');
  const { ruleSet } = await gql('{ ruleSet(region: "almaty") { json } }', {}, officer);
  const rules = JSON.parse(ruleSet.json);
  const allocation = rules.GlobalParams.find((p: { Name: string }) => p.Name === 'allocation');
  if (allocation) allocation.Expression = JSON.stringify(mode);
  else rules.GlobalParams.push({ Name: 'allocation', Expression: JSON.stringify(mode) });
  await gql('mutation($j: String!) { activateRuleSet(region: "almaty", json: $j, reason: "Конец проверки окна распределения") { version } }', { j: JSON.stringify(rules) }, officer);
}

test('a region switched to release windows: the family ranks, the close is forced, the outcome is explained and the run recomputes', async ({ browser }) => {
  // Three people's pages and a dozen signatures: the longest journey.
  test.setTimeout(180_000);
  try {
    // Two children of the mother in the Almaty queue (2022): the earlier one will take «Балапан»'s only seat.
    const administrator = await signInApi('administrator');
    await gql('mutation($c: String!) { importCivilRegistry(csv: $c) { added } }', {
      c: `childIin,childFullName,childBirthDate,parentIin,parentFullName,relation\n${earlier.iin},${earlier.name},${earlier.birth},${mother.iin},${mother.name},Mother\n`
        + `${later.iin},${later.name},${later.birth},${mother.iin},${mother.name},Mother\n`,
    }, administrator);
    const token = await signInApi('mother');
    await gql('mutation { updateContactPreferences(email: "aigerim@example.kz", language: RU) { email } }', {}, token);
    const numbers: string[] = [];
    for (const child of [earlier, later]) {
      const answer = await signedAction('mother', token, 'registerApplication', 'RegisterApplicationInput',
        { region: 'almaty', childIin: child.iin, benefitCategory: 'NONE', email: 'aigerim@example.kz', phone: '+77015550000' });
      numbers.push(answer.registerApplication.application.number);
    }

    // The policy officer switches Almaty to a 5-minute window in the studio's form: the mode is a choice with words.
    const studio = await (await browser.newContext()).newPage();
    await signIn(studio, 'officer', '/studio/rules');
    await expect(studio.getByRole('heading', { level: 1 })).toHaveText('Правила региона');
    const allocation = studio.getByLabel('allocation', { exact: true });
    await expect(allocation).toHaveValue('first-come');
    await allocation.selectOption({ label: 'Окно распределения (window)' });
    await studio.getByLabel('windowMinutes', { exact: true }).fill('5');
    await expect(studio.getByText('Правила прошли проверку')).toBeVisible();
    await step(studio, 'studio-30-rules-allocation');
    await studio.getByRole('button', { name: 'Пробный запуск' }).click();
    await studio.getByLabel('Причина', { exact: true }).fill('Приказ № 18: места распределяются окном');
    await studio.getByRole('button', { name: 'Активировать правила' }).click();
    await expect(studio.getByText(/Правила активированы: действует версия \d+/)).toBeVisible();
    expect((await gql('{ regionPolicy(region: "almaty") { allocation windowMinutes } }')).regionPolicy).toEqual({ allocation: 'window', windowMinutes: 5 });

    // Seats are published (one at «Балапан», one at «Айгөлек»): they open the window. The earlier child ranks «Балапан».
    const operator = await signInApi('operator');
    const { kindergartens } = await gql('{ kindergartens(region: "almaty") { id bin } }');
    const id = (bin: string) => kindergartens.find((k: { bin: string }) => k.bin === bin).id as string;
    const [balapan, aigolek] = [id('160140012345'), id('160140023457')];
    for (const kindergartenId of [balapan, aigolek])
      await gql('mutation($i: PublishPlacesInput!) { publishPlaces(input: $i) { published } }',
        { i: { kindergartenId, groupYear: 2022, language: 'KK', count: 1, mode: 'QUEUE' } }, operator);
    await signedAction('mother', token, 'rankKindergartens', 'RankKindergartensInput', { applicationNumber: numbers[0], kindergartenIds: [balapan] });

    // The family's card says the window plainly; she ranks two kindergartens, orders them with the keyboard, and signs.
    const family = await (await browser.newContext()).newPage();
    await signIn(family, 'mother', `/cabinet/applications/${encodeURIComponent(numbers[1])}`);
    await expect(family.getByRole('heading', { level: 1 })).toHaveText(later.name);
    await expect(family.getByText(/^Идёт распределение мест: выберите детские сады до \d\d\.\d\d\.\d{4} \d\d:\d\d$/)).toBeVisible();
    await expect(family.getByText('Спешить не нужно: нажать раньше других ничего не даёт.', { exact: false })).toBeVisible();
    await step(family, 'family-30-window');
    await family.getByRole('link', { name: 'Выбрать детские сады' }).first().click();
    await expect(family.getByRole('heading', { level: 1 })).toHaveText('Желаемые детские сады');
    const search = family.getByLabel('Название или адрес');
    await search.fill('айгөлек');
    await family.getByRole('button', { name: 'Добавить в выбор: Детский сад № 27 «Айгөлек»' }).click();
    await search.fill('Самал');
    await family.getByRole('button', { name: 'Добавить в выбор: Ясли-сад № 1 «Балапан»' }).click();
    await family.getByRole('button', { name: 'Поднять выше: Ясли-сад № 1 «Балапан»' }).focus();
    await family.keyboard.press('Enter');
    await expect(family.locator('.ranking--edit li').first()).toContainText('Балапан');
    await step(family, 'family-31-ranking');
    await family.getByRole('button', { name: 'Продолжить' }).click();
    await expect(family.getByRole('heading', { level: 1 })).toHaveText('Проверьте данные');
    await family.getByRole('button', { name: 'Подписать ЭЦП и отправить' }).click();
    await expect(family.getByText('Выбор детских садов подписан и сохранён.')).toBeVisible();
    await expect(family.getByText('1-й выбор: Ясли-сад № 1 «Балапан» — мест: 1')).toBeVisible();
    await expect(family.getByText('2-й выбор: Детский сад № 27 «Айгөлек» — мест: 1')).toBeVisible();
    await step(family, 'family-32-ranked');

    // The close is forced: the server's clock moves past it, and the sweep (every second here) runs the allocation.
    const moved = await fetch(`${baseUrl()}/dev/clock?minutes=6`, { method: 'POST' });
    expect(moved.status).toBe(200);
    await expect.poll(async () => (await gql('query($n: String!) { application(number: $n) { status } }', { n: numbers[1] }, token)).application.status,
      { timeout: 20_000 }).toBe('DIRECTION_ISSUED');

    // Her outcome and its reason: «Айгөлек», her second choice, because «Балапан»'s one seat went to a child earlier in the queue.
    await family.reload();
    const outcome = family.getByTestId('allocation-outcome');
    await expect(outcome).toContainText('Детский сад № 27 «Айгөлек» — ваш 2-й выбор.');
    await expect(outcome).toContainText('Место в саду вашего выбора № 2');
    await expect(outcome.getByRole('heading', { level: 3 })).toContainText('Окно распределения мест, ');
    await expect(outcome).toContainText('1-й выбор, Ясли-сад № 1 «Балапан»: мест 1 — вне очереди 0, в первоочередном порядке 0, раньше в общей очереди 1');
    await step(family, 'family-33-outcome');

    // Anyone checks the run's public extract: the hash and the recomputation in the browser.
    await outcome.getByRole('link', { name: 'Открытые данные этого распределения: проверить расчёт' }).click();
    await expect(family.getByRole('heading', { level: 1 })).toHaveText('Распределение мест: открытые данные');
    await family.getByRole('button', { name: 'Проверить и пересчитать' }).click();
    await expect(family.getByText('Хеш совпадает: это те самые данные, по которым прошло распределение.')).toBeVisible();
    await expect(family.getByText('Пересчёт в вашем браузере: семей 2, получили место 2.')).toBeVisible();
    await step(family, 'family-34-public-extract');

    // The operator audits the run in the studio: the history, the whole run, the extract downloaded and recomputed.
    const audit = await (await browser.newContext()).newPage();
    await signIn(audit, 'operator', '/studio/allocation');
    await expect(audit.getByRole('heading', { level: 1 })).toHaveText('Распределения мест');
    const row = audit.getByRole('row').nth(1);
    await expect(row).toContainText('2022');
    await expect(row).toContainText('Окно распределения');
    await step(audit, 'studio-31-allocation-runs');
    await row.getByRole('link').click();
    await expect(audit.getByRole('heading', { level: 1 })).toHaveText('Расчёт распределения');
    await expect(audit.getByTestId('run-outcome').filter({ hasText: numbers[1] })).toContainText('Детский сад № 27 «Айгөлек» (2-й выбор)');
    const download = audit.waitForEvent('download');
    await audit.getByRole('button', { name: 'Скачать открытые данные (JSON)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^allocation-run-[0-9a-f-]+\.json$/);
    expect(JSON.parse(readFileSync((await file.path())!, 'utf8')).families).toHaveLength(2);
    await audit.getByRole('button', { name: 'Пересчитать и сравнить' }).click();
    await expect(audit.getByText('Пересчёт совпадает с записанным результатом')).toBeVisible();
    await step(audit, 'studio-32-allocation-audit');

    // Transfers: both children are enrolled; the earlier asks (API) for «Айгөлек», the later, in the portal, for «Балапан»
    // (the kindergarten it attends is not offered). The operator runs transfers: the two swap, and the run audits.
    for (const n of numbers) {
      const { application } = await gql('query($n: String!) { application(number: $n) { directions { id status } } }', { n }, token);
      const issued = application.directions.find((d: { status: string }) => d.status === 'ISSUED').id;
      await gql('mutation($d: ID!) { enrollChild(directionId: $d) { direction { id } } }', { d: issued }, operator);
    }
    await signedAction('mother', token, 'requestTransfer', 'RequestTransferInput', { applicationNumber: numbers[0], kindergartenIds: [aigolek] });
    await family.goto(`/cabinet/applications/${encodeURIComponent(numbers[1])}`);
    await expect(family.getByText('Ребёнок посещает: Детский сад № 27 «Айгөлек».')).toBeVisible();
    await family.getByRole('link', { name: 'Подать заявку на перевод' }).click();
    await expect(family.getByRole('heading', { level: 1 })).toHaveText('Перевод в другой детский сад');
    // The search says why it found nothing: the kindergarten the child attends, or a name no kindergarten has.
    await search.fill('айгөлек');
    await expect(family.getByTestId('nothing-found')).toHaveText(
      'Детский сад № 27 «Айгөлек» — детский сад, который посещает ваш ребёнок: перевод возможен только в другой.');
    await search.fill('Ромашка');
    await expect(family.getByTestId('nothing-found')).toHaveText(
      'Ни один детский сад региона не подходит под «Ромашка». Проверьте написание или ищите по номеру сада или улице.');
    await step(family, 'family-35a-transfer-nothing-found');
    await search.fill('Самал');
    await family.getByRole('button', { name: 'Добавить в выбор: Ясли-сад № 1 «Балапан»' }).click();
    await step(family, 'family-35-transfer-choice');
    await family.getByRole('button', { name: 'Продолжить' }).click();
    await family.getByRole('button', { name: 'Подписать ЭЦП и отправить' }).click();
    await expect(family.getByText('Заявка на перевод подписана и сохранена.')).toBeVisible();
    await expect(family.getByTestId('transfer-request')).toContainText('Ясли-сад № 1 «Балапан»');
    await step(family, 'family-36-transfer-requested');

    await audit.goto('/studio/allocation');
    await audit.getByLabel('Год группы для перевода').selectOption('2022');
    await audit.getByRole('button', { name: 'Провести перевод…' }).click();
    await expect(audit.getByText('Провести перевод для группы 2022 года?')).toBeVisible();
    await step(audit, 'studio-33-transfer-confirm');
    await audit.getByRole('button', { name: 'Провести', exact: true }).click();
    await expect(audit.getByText('Перевод для группы 2022 года проведён: переведено семей — 2 из 2.')).toBeVisible();
    await expect(audit.getByRole('row').nth(1)).toContainText('Перевод');
    await audit.getByRole('link', { name: 'Открыть расчёт' }).click();
    await expect(audit.getByRole('heading', { level: 1 })).toHaveText('Расчёт распределения');
    await expect(audit.getByTestId('run-outcome').filter({ hasText: numbers[1] })).toContainText('Ясли-сад № 1 «Балапан»');
    await audit.getByRole('button', { name: 'Пересчитать и сравнить' }).click();
    await expect(audit.getByText('Пересчёт совпадает с записанным результатом')).toBeVisible();
    await step(audit, 'studio-34-transfer-audit');
    await family.reload();
    await expect(family.getByText('Ребёнок посещает: Ясли-сад № 1 «Балапан».')).toBeVisible();
    await expect(family.getByTestId('allocation-outcome').first().getByRole('heading', { level: 3 })).toContainText('Перевод, ');
    await step(family, 'family-37-transfer-outcome');

    // The runs on a phone: a card per run, nothing scrolls sideways, each value named.
    await audit.goto('/studio/allocation');
    await audit.setViewportSize({ width: 360, height: 780 });
    const runs = audit.getByTestId('runs-table');
    expect(await runs.evaluate((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth)).toBeLessThanOrEqual(0);
    expect(await runs.locator('tbody tr').first().locator('td').nth(2).evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Способ"');
    await audit.setViewportSize({ width: 1280, height: 900 });

    // A lifecycle version without transfers (as a region seeded before them): the card says so instead of offering the
    // request, and the studio's run is refused with the same words; a request signed before may still be withdrawn. The
    // version in force is put back after.
    await signedAction('mother', token, 'requestTransfer', 'RequestTransferInput', { applicationNumber: numbers[1], kindergartenIds: [aigolek] });
    const { workflow } = await gql('{ workflow(region: "almaty") { json } }');
    const older = JSON.parse(workflow.json);
    older.transitions = older.transitions.filter((t: { trigger: string }) => t.trigger !== 'Transfer');
    await gql('mutation($j: String!) { activateWorkflow(name: "direction", json: $j, reason: "Проверка: редакция без перевода") { version } }',
      { j: JSON.stringify(older) }, administrator);
    try {
      await family.reload();
      await expect(family.getByText('Перевод в вашем регионе пока недоступен')).toBeVisible();
      await expect(family.getByTestId('transfer-unavailable')).toContainText('Kezek Studio');
      await expect(family.getByRole('link', { name: 'Изменить заявку' })).toHaveCount(0);
      await step(family, 'family-38-transfer-unavailable');
      await family.getByRole('link', { name: 'Отозвать заявку' }).click();
      await expect(family.getByText('Перевод в вашем регионе пока недоступен')).toBeVisible();
      await family.getByRole('button', { name: 'Отозвать заявку' }).click();
      await family.getByRole('button', { name: 'Подписать ЭЦП и отправить' }).click();
      await expect(family.getByText('Заявка на перевод отозвана.')).toBeVisible();
      await expect(family.getByTestId('transfer-request')).toHaveCount(0);
      await expect(family.getByRole('link', { name: 'Отозвать заявку' })).toHaveCount(0);
      await audit.getByLabel('Год группы для перевода').selectOption('2022');
      await audit.getByRole('button', { name: 'Провести перевод…' }).click();
      await audit.getByRole('button', { name: 'Провести', exact: true }).click();
      await expect(audit.getByText('нет шага перевода, поэтому перевод здесь недоступен', { exact: false })).toBeVisible();
      await step(audit, 'studio-35-transfer-refused');
    } finally {
      await gql('mutation($j: String!) { activateWorkflow(name: "direction", json: $j, reason: "Проверка: редакция с переводом") { version } }',
        { j: workflow.json }, administrator);
    }
  } finally {
    await setAllocation('first-come');
  }
});
