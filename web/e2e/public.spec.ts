import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chooseLanguage, step } from './kezek';

// The public pages, without signing in: search, statistics, free places, the rules, help and document verification.
test('the public pages in Kazakh and Russian', async ({ page }) => {
  await page.goto('/');
  await chooseLanguage(page, 'Қазақша');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Кезектегі нөмірді білу');
  await step(page, 'public-01-search');

  // A mistyped IIN is caught before anything is sent, with an error summary that leads to the field.
  await page.getByLabel('Баланың ЖСН-і', { exact: true }).fill('220315670019');
  await page.getByRole('button', { name: 'Табу' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Қателерді түзетіңіз' })).toBeVisible();
  await page.getByRole('link', { name: 'ЖСН қате енгізілген' }).click();
  await expect(page.getByLabel('Баланың ЖСН-і', { exact: true })).toBeFocused();
  await step(page, 'public-02-search-error');

  // A child nobody registered on this server (the journeys register his sister and another family's daughter).
  await page.getByLabel('Баланың ЖСН-і', { exact: true }).fill('230701571020');
  await page.getByRole('button', { name: 'Табу' }).click();
  await expect(page.getByText('Өтініш табылмады')).toBeVisible();

  await chooseLanguage(page, 'Русский');
  await page.getByRole('link', { name: 'Статистика' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Статистика очереди');
  await expect(page.getByText('всего в очереди')).toBeVisible();
  await step(page, 'public-03-statistics');

  await page.getByRole('link', { name: 'Свободные места' }).first().click();
  await expect(page.getByRole('heading', { name: /Балапан/ }).first()).toBeVisible();
  // No tiles are configured here: the list works and no map is offered.
  await expect(page.getByRole('button', { name: 'Показать на карте' })).toHaveCount(0);
  await step(page, 'public-04-places');

  await page.getByRole('link', { name: 'Правила' }).click();
  await expect(page.getByText('рабочих дня (дней)')).toBeVisible();
  await step(page, 'public-05-rules');

  await page.getByRole('link', { name: 'Помощь' }).first().click();
  await expect(page.getByRole('link', { name: 'Скачать NCALayer (ncl.pki.gov.kz)' })).toHaveAttribute('href', 'https://ncl.pki.gov.kz/');
  await step(page, 'public-06-help');

  await page.goto('/verify/NO-SUCH-CODE');
  await expect(page.getByText('Документ не найден')).toBeVisible();
  await step(page, 'public-07-verify-unknown');

  // The language is kept for the next visit.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Узнать номер в очереди');
});

test('the search page loads only its own code', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect(scripts.some((s) => s.includes('PlacesMap'))).toBe(false);
  expect(scripts.some((s) => s.includes('Studio'))).toBe(false);
  expect(scripts.some((s) => s.includes('JournalPage'))).toBe(false);

  // The budget: at most 200 KB of compressed JavaScript for the public search page (gzip -9 of each file it loads).
  const files = [...new Set(scripts.map((url) => new URL(url).pathname))];
  const sizes = files.map((path) => ({ path, gzip: gzipSync(readFileSync(join(import.meta.dirname, '../dist', path)), { level: 9 }).length }));
  const total = sizes.reduce((sum, f) => sum + f.gzip, 0);
  mkdirSync(join(import.meta.dirname, 'artifacts'), { recursive: true });
  writeFileSync(join(import.meta.dirname, 'artifacts/search-page-javascript.txt'),
    `${sizes.map((f) => `${f.gzip}\t${f.path}`).join('\n')}\n${total}\ttotal (gzip -9 bytes)\n`);
  expect(total).toBeLessThanOrEqual(200 * 1024);
});
