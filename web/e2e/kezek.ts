import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repository = resolve(import.meta.dirname, '../..');
const signTool = join(repository, 'tools/Sign/bin/Release/net10.0/kezek-sign.dll');
const keys = () => join(process.env.KEZEK_E2E_DATA!, 'demo-keys');
export const artifacts = join(repository, 'web/e2e/artifacts/screenshots');
export const baseUrl = () => `http://127.0.0.1:${process.env.KEZEK_E2E_PORT}`;

export type Person = 'mother' | 'father' | 'stranger' | 'operator' | 'staff' | 'administrator' | 'officer';

/** Signs an XML document as NCALayer would, with a demo person's key (tools/Sign, the README's signing tool). */
export function signXml(xml: string, who: Person, keyType: 'AUTHENTICATION' | 'SIGNATURE'): string {
  const folder = mkdtempSync(join(tmpdir(), 'kezek-sign-'));
  const file = join(folder, 'document.xml');
  writeFileSync(file, xml);
  const key = join(keys(), `${who}-${keyType === 'AUTHENTICATION' ? 'auth' : 'sign'}.p12`);
  return execFileSync('dotnet', [signTool, '--key', key, 'file', file], { encoding: 'utf8' }).trim();
}

export type NcaLayerChoice = Person | 'cancel';

/**
 * Plays NCALayer at wss://127.0.0.1:13579 for this page: the version greeting, the refused KAZTOKEN probe, and signXml signed
 * with the key of whoever `choose()` names at that moment (or cancelled, as a closed dialog answers).
 */
export async function playNcaLayer(page: Page, choose: () => NcaLayerChoice) {
  await page.routeWebSocket('wss://127.0.0.1:13579/', (ws) => {
    ws.send(JSON.stringify({ result: { version: '1.0.0' } }));
    ws.onMessage((message) => {
      const request = JSON.parse(String(message));
      if (request.method !== 'signXml') {
        ws.send(JSON.stringify({ code: '500', message: 'kz.digiflow.mobile.extensions: unknown module' }));
        return;
      }
      const who = choose();
      if (who === 'cancel') {
        ws.send(JSON.stringify({ code: '500', message: 'action.canceled' }));
        return;
      }
      const [, keyType, xml] = request.args as [string, 'AUTHENTICATION' | 'SIGNATURE', string];
      ws.send(JSON.stringify({ code: '200', responseObject: signXml(xml, who, keyType) }));
    });
  });
}

/** A GraphQL call as the API's other clients make it. */
export async function gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

/** A bearer token for a demo person, signed in through the API with the AUTH key. */
export async function signInApi(who: Person): Promise<string> {
  const { requestNonce } = await gql<{ requestNonce: { value: string } }>('mutation { requestNonce { value } }');
  const signed = signXml(`<login xmlns="urn:kezek:action:1"><nonce>${requestNonce.value}</nonce></login>`, who, 'AUTHENTICATION');
  const { signIn } = await gql<{ signIn: { token: string } }>('mutation($x: String!) { signIn(signedXml: $x) { token } }', { x: signed });
  return signIn.token;
}

export interface Checked {
  page: string;
  violations: { id: string; impact: string | null | undefined }[];
}
export const axeResults: Checked[] = [];

/** The step's screenshots at 360 px and 1280 px, and axe-core on the page: no serious or critical violation. */
export async function step(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  mkdirSync(artifacts, { recursive: true });
  const original = page.viewportSize()!;
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
    await page.screenshot({ path: join(artifacts, `${name}-${width}.png`), fullPage: true });
    // The studio's screens never scroll sideways, even on a 360 px phone (wide tables scroll in their own box).
    if (name.startsWith('studio-'))
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${name} is wider than ${width} px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize(original);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = result.violations.map((v) => ({ id: v.id, impact: v.impact }));
  axeResults.push({ page: name, violations });
  appendFileSync(join(artifacts, '..', 'axe.txt'),
    `${name}\t${violations.length ? violations.map((v) => `${v.id} (${v.impact})`).join(', ') : 'no violations'}\n`);
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), name).toEqual([]);
}

/** The language switch, as a person uses it. */
export async function chooseLanguage(page: Page, language: 'Қазақша' | 'Русский' | 'English') {
  await page.getByRole('button', { name: language }).click();
}
