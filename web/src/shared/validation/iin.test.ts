import { describe, expect, it } from 'vitest';
import { iinBirthDate, iinCheckDigit, iinProblem } from './iin';

describe('IIN', () => {
  it('accepts the demo children of the README', () => {
    expect(iinProblem('220315670018')).toBeNull();
    expect(iinProblem('230701571020')).toBeNull();
    expect(iinProblem('220820672038')).toBeNull();
    expect(iinProblem(' 2203 1567 0018 ')).toBeNull();
  });

  it('says what is wrong', () => {
    expect(iinProblem('')).toBe('required');
    expect(iinProblem('12345')).toBe('length');
    expect(iinProblem('22031567001a')).toBe('length');
    expect(iinProblem('221315670018')).toBe('date'); // month 13
    expect(iinProblem('220230670018')).toBe('date'); // 30 February
    expect(iinProblem('220315070018')).toBe('date'); // century digit 0
    expect(iinProblem('220315670019')).toBe('checksum');
  });

  it('uses the second weights when the first sum gives 10, as Iin.cs does', () => {
    // Found by search: a number whose first check is 10.
    for (let serial = 0; serial < 10000; serial++) {
      const base = `2203156${String(serial).padStart(4, '0')}`;
      const digits = [...base].map(Number);
      const first = digits.reduce((s, d, i) => s + d * (i + 1), 0) % 11;
      if (first !== 10) continue;
      const check = iinCheckDigit(digits);
      if (check === null) continue;
      const second = digits.reduce((s, d, i) => s + d * [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2][i], 0) % 11;
      expect(check).toBe(second);
      expect(iinProblem(`${base}${check}`)).toBeNull();
      return;
    }
    throw new Error('no such number found');
  });

  it('reads the birth date', () => {
    expect(iinBirthDate('220315670018')).toBe('2022-03-15');
    expect(iinBirthDate('bad')).toBeNull();
  });
});
