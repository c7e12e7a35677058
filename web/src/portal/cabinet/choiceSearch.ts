// Why the kindergarten search of a ranking or a transfer request found nothing to add, in words from the catalogs: nothing
// in the region offers the child's group year (for a transfer: no other kindergarten than its own), everything is already
// chosen, or the search text matched none — or matched only kindergartens that cannot be added, and why each cannot.
import type { MessageKey } from '@shared/i18n/i18n';

export interface Searchable {
  id: string;
  name: string;
  address: string;
  groups: { groupYear: number }[];
}

export interface Reason {
  key: MessageKey;
  vars: Record<string, string | number>;
}

/** Lower case without quotes and punctuation: «Балапан» is found by балапан. */
export const normalise = (text: string) => text.toLocaleLowerCase().replace(/[«»"'.,№]/g, ' ').replace(/\s+/g, ' ').trim();

export const matches = (k: Searchable, query: string) => !query || normalise(`${k.name} ${k.address}`).includes(query);

/**
 * The reasons, in order, why a search found nothing to add; empty when something was found. `all` is every kindergarten
 * of the region, `chosen` the ids chosen now, `excluded` the kindergarten the child attends (a transfer).
 */
export function nothingFound(all: Searchable[], chosen: string[], groupYear: number, search: string, excluded?: string): Reason[] {
  const offers = (k: Searchable) => k.groups.some((g) => g.groupYear === groupYear);
  const fits = all.filter((k) => k.id !== excluded && offers(k));
  const query = normalise(search);
  if (fits.some((k) => !chosen.includes(k.id) && matches(k, query))) return [];
  if (fits.length === 0)
    return [{ key: excluded && all.some((k) => k.id === excluded && offers(k)) ? 'choice.noOtherForYear' : 'ranking.noneForYear', vars: { year: groupYear } }];
  if (!query) return [{ key: 'choice.allChosen', vars: { year: groupYear } }];
  const matched = all.filter((k) => matches(k, query));
  if (matched.length === 0) return [{ key: 'choice.noMatch', vars: { search: search.trim() } }];
  const names = (list: Searchable[]) => list.map((k) => k.name).join(', ');
  const own = matched.find((k) => k.id === excluded);
  const noGroup = matched.filter((k) => k.id !== excluded && !offers(k));
  const already = matched.filter((k) => chosen.includes(k.id) && k.id !== excluded && offers(k));
  return [
    ...(own ? [{ key: 'choice.matchesOwn' as MessageKey, vars: { name: own.name } }] : []),
    ...(noGroup.length > 0 ? [{ key: 'choice.matchesNoGroup' as MessageKey, vars: { year: groupYear, names: names(noGroup) } }] : []),
    ...(already.length > 0 ? [{ key: 'choice.matchesChosen' as MessageKey, vars: { names: names(already) } }] : []),
  ];
}
