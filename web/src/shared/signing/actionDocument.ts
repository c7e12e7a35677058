// The documents a parent signs with NCALayer (SPEC §4). Written once here and used by every signed page, so that what is
// signed is always exactly the mutation's input: the server refuses a document whose fields differ (ACTION_MISMATCH).

export const actionNamespace = 'urn:kezek:action:1';

/** A value as GraphQL writes it: strings as they are, enums by name, dates yyyy-MM-dd, numbers and booleans as text. */
export type ActionValue = string | number | boolean | null | undefined | ActionInput | ActionValue[];
export interface ActionInput {
  [field: string]: ActionValue;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function fieldElements(name: string, value: ActionValue): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => fieldElements(name, item)).join('');
  if (typeof value === 'object') return `<${name}>${fields(value)}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

function fields(input: ActionInput): string {
  return Object.entries(input).map(([name, value]) => fieldElements(name, value)).join('');
}

/** `<action xmlns="urn:kezek:action:1"><name>…</name><nonce>…</nonce>…one element per input field…</action>`. */
export function actionDocument(mutation: string, nonce: string, input: ActionInput): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(mutation)) throw new Error(`Not a mutation name: ${mutation}`);
  return `<action xmlns="${actionNamespace}"><name>${mutation}</name><nonce>${escapeXml(nonce)}</nonce>${fields(input)}</action>`;
}

/** The login document signed with the AUTH key. */
export function loginDocument(nonce: string): string {
  return `<login xmlns="${actionNamespace}"><nonce>${escapeXml(nonce)}</nonce></login>`;
}

/** The input without empty optional values: an empty element cannot be signed, and the input must equal the document. */
export function withoutEmpty<T extends ActionInput>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined && v !== '')) as T;
}
