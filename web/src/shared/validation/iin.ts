// The IIN (ИИН) as src/Core/Iins/Iin.cs checks it: YYMMDD, a century-and-sex digit, four serial digits, a check digit.

const firstWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const secondWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The check digit of the first eleven digits, or null when the number cannot have one. */
export function iinCheckDigit(digits: number[]): number | null {
  let check = digits.slice(0, 11).reduce((sum, d, i) => sum + d * firstWeights[i], 0) % 11;
  if (check !== 10) return check;
  check = digits.slice(0, 11).reduce((sum, d, i) => sum + d * secondWeights[i], 0) % 11;
  return check === 10 ? null : check;
}

export type IinProblem = 'required' | 'length' | 'date' | 'checksum';

/** Why a typed-in IIN is not valid, or null when it is. Spaces are ignored. */
export function iinProblem(text: string): IinProblem | null {
  const value = normaliseIin(text);
  if (value.length === 0) return 'required';
  if (!/^\d{12}$/.test(value)) return 'length';
  const digits = [...value].map(Number);
  const century = ({ 1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000 } as Record<number, number>)[digits[6]];
  if (!century) return 'date';
  const year = century + digits[0] * 10 + digits[1];
  const month = digits[2] * 10 + digits[3];
  const day = digits[4] * 10 + digits[5];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return 'date';
  return iinCheckDigit(digits) === digits[11] ? null : 'checksum';
}

export function normaliseIin(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The birth date an IIN carries (ISO), or null. */
export function iinBirthDate(text: string): string | null {
  const value = normaliseIin(text);
  if (iinProblem(value) !== null) return null;
  const century = value[6] <= '2' ? 1800 : value[6] <= '4' ? 1900 : 2000;
  return `${century + Number(value.slice(0, 2))}-${value.slice(2, 4)}-${value.slice(4, 6)}`;
}
