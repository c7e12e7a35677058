import { describe, expect, it } from 'vitest';
import en from '@shared/i18n/en.json';
import kk from '@shared/i18n/kk.json';
import ru from '@shared/i18n/ru.json';
import { nothingFound, type Searchable } from './choiceSearch';

const k = (id: string, name: string, years: number[], address = 'Алматы'): Searchable => ({ id, name, address, groups: years.map((groupYear) => ({ groupYear })) });
const own = k('own', '«Балапан»', [2022]);
const other = k('b', '№ 27', [2022], 'ул. Абая, 10');
const older = k('c', '«Айгөлек»', [2021]);

describe('why the kindergarten search found nothing', () => {
  it('finds something: no reason', () => {
    expect(nothingFound([own, other], [], 2022, '', 'own')).toEqual([]);
    expect(nothingFound([own, other], [], 2022, 'абая', 'own')).toEqual([]);
  });

  it('no kindergarten offers the group year: for a transfer, none other than its own', () => {
    expect(nothingFound([own, older], [], 2022, '', 'own')).toEqual([{ key: 'choice.noOtherForYear', vars: { year: 2022 } }]);
    expect(nothingFound([older], [], 2022, '')).toEqual([{ key: 'ranking.noneForYear', vars: { year: 2022 } }]);
  });

  it('everything that fits is already chosen', () => {
    expect(nothingFound([own, other], ['b'], 2022, '', 'own')).toEqual([{ key: 'choice.allChosen', vars: { year: 2022 } }]);
  });

  it('the search text matched no kindergarten of the region', () => {
    expect(nothingFound([own, other, older], [], 2022, ' Ромашка ', 'own')).toEqual([{ key: 'choice.noMatch', vars: { search: 'Ромашка' } }]);
  });

  it('the search matched only kindergartens that cannot be added, each with its reason', () => {
    const all = [own, other, older, k('d', '«Балапан-2»', [2021])];
    expect(nothingFound(all, [], 2022, 'балапан', 'own')).toEqual([
      { key: 'choice.matchesOwn', vars: { name: '«Балапан»' } },
      { key: 'choice.matchesNoGroup', vars: { year: 2022, names: '«Балапан-2»' } },
    ]);
    expect(nothingFound(all, ['b'], 2022, '27', 'own')).toEqual([{ key: 'choice.matchesChosen', vars: { names: '№ 27' } }]);
  });

  it('has every reason in Russian, Kazakh and English', () => {
    const keys = ['choice.noOtherForYear', 'choice.allChosen', 'choice.noMatch', 'choice.matchesOwn', 'choice.matchesNoGroup', 'choice.matchesChosen',
      'ranking.noneForYear', 'transfer.unavailable', 'outcome.mode.window', 'outcome.mode.deferred-acceptance', 'outcome.mode.transfer',
      'outcome.modeHint.window', 'outcome.modeHint.deferred-acceptance', 'outcome.modeHint.transfer'];
    for (const catalog of [ru, kk, en] as Record<string, string>[]) for (const key of keys) expect(catalog[key], key).toBeTruthy();
  });
});
