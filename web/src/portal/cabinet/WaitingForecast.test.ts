import { describe, expect, it } from 'vitest';
import { translate } from '@shared/i18n/i18n';
import type { Lang } from '@shared/i18n/language';
import { forecastSentences } from './WaitingForecast';

const words = (lang: Lang, forecast: Parameters<typeof forecastSentences>[1]) =>
  forecastSentences((key, vars) => translate(lang, key, vars), forecast);

describe('the waiting-time forecast in words', () => {
  const spring = { earliestFrom: '2027-03-01', likelyFrom: '2027-05-01', latestUntil: '2027-08-31', monthsOfHistory: 36 };

  it('names the months in the reader’s language, as an interval and never as a promise', () => {
    expect(words('ru', spring)).toEqual([
      'Ориентировочно: с марта по август 2027 года.',
      'Вероятнее всего: май 2027 года.',
      'Это не обещание: срок рассчитан по тому, как очередь двигалась за последние 36 мес., и может сдвинуться, если впереди подтвердят льготу или изменится число мест.',
    ]);
    expect(words('kk', spring)[0]).toBe('Болжам бойынша: 2027 жылғы наурыз айынан тамыз айына дейін.');
    expect(words('en', spring)[0]).toBe('Estimated: from March to August 2027.');
    expect(words('kk', spring)[2]).toContain('уәде емес');
  });

  it('writes both years across a new year, one month alone, and an open end', () => {
    expect(words('ru', { ...spring, earliestFrom: '2026-11-01', likelyFrom: '2027-01-01', latestUntil: '2027-03-31' })[0])
      .toBe('Ориентировочно: с ноября 2026 года по март 2027 года.');
    const now = words('en', { earliestFrom: '2027-03-01', likelyFrom: '2027-03-01', latestUntil: '2027-03-31', monthsOfHistory: 5 });
    expect(now).toEqual(['Estimated: March 2027.', expect.stringContaining('past 5 months')]);
    expect(words('ru', { ...spring, latestUntil: null })[0]).toBe('Ориентировочно: не раньше марта 2027 года.');
    expect(words('ru', { ...spring, latestUntil: null })).toHaveLength(2);
  });
});
