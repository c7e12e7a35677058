import { describe, expect, it } from 'vitest';
import { birthDateProblem, dateFromParts, dayIn, extensionDateProblem, isIsoDate } from './dates';
import { isEmail, isKazakhstanMobile, normalisePhone } from './contacts';

describe('dates', () => {
  it('knows real days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('1.2.2023')).toBe(false);
  });

  it('builds a date from three fields', () => {
    expect(dateFromParts('5', '3', '2022')).toBe('2022-03-05');
    expect(dateFromParts('31', '4', '2022')).toBeNull();
    expect(dateFromParts('', '4', '2022')).toBeNull();
  });

  it('refuses a birth date in the future', () => {
    expect(birthDateProblem('2030-01-01', '2026-12-01')).toBe('future');
    expect(birthDateProblem('2022-01-01', '2026-12-01')).toBeNull();
    expect(birthDateProblem(null, '2026-12-01')).toBe('format');
  });

  it('keeps an extension after the current last day and within the last allowed', () => {
    expect(extensionDateProblem('2026-12-10', '2026-12-08', '2026-12-31')).toBeNull();
    expect(extensionDateProblem('2026-12-08', '2026-12-08', '2026-12-31')).toBe('past');
    expect(extensionDateProblem('2027-01-02', '2026-12-08', '2026-12-31')).toBe('tooLate');
    expect(extensionDateProblem(null, '2026-12-08', '2026-12-31')).toBe('format');
  });

  it('takes the day in Almaty, not in the browser', () => {
    expect(dayIn('2026-12-01T20:00:00Z', 'Asia/Almaty')).toBe('2026-12-02');
    expect(dayIn('2026-12-01T17:00:00Z', 'Asia/Almaty')).toBe('2026-12-01');
  });
});

describe('contacts', () => {
  it('checks e-mail and phone as the server does', () => {
    expect(isEmail('aigerim@example.kz')).toBe(true);
    expect(isEmail('aigerim@example')).toBe(false);
    expect(normalisePhone('8 (701) 123-45-67')).toBe('+77011234567');
    expect(isKazakhstanMobile('+7 701 123 45 67')).toBe(true);
    expect(isKazakhstanMobile('+7 727 123 45 6')).toBe(false);
  });
});
