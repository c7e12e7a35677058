// Recomputing a transfer run from its public extract (docs/allocation.md, transfers): top trading cycles with existing
// tenants and free seats, a port of src/Core/Allocation/TopTradingCycles.cs. Families are taken in position order; each
// points at its best kindergarten with a free seat or a seat held by a family still in the run. A free seat ends a chain
// (each family on it moves one step, the first one's old seat becomes free); a seat held by another family makes it next;
// a ring of such families swaps seats. A family whose requests cannot be met keeps its seat.
import type { Extract } from './recompute';

export interface TransferExtract extends Omit<Extract, 'families'> {
  families: { position: number; category: string; lottery: number; ranking: string[]; current: string }[];
}

export function isTransferExtract(extract: Extract | TransferExtract): extract is TransferExtract {
  return extract.mode === 'transfer' && extract.families.every((f) => typeof (f as { current?: unknown }).current === 'string');
}

/** Where each position ends: the kindergarten id it moves to, or its own when it stays. */
export function recomputeTransfers(extract: TransferExtract): Map<number, string> {
  const ids = extract.kindergartens.map((k) => k.id.toLowerCase());
  const index = new Map(ids.map((id, i) => [id, i]));
  const at = (id: string) => {
    const i = index.get(id.toLowerCase());
    if (i === undefined) throw new Error(`Unknown kindergarten ${id}`);
    return i;
  };
  const families = [...extract.families].sort((a, b) => a.position - b.position);
  const movers = families.map((f) => ({ current: at(f.current), ranking: f.ranking.map(at) }));
  const vacant = extract.kindergartens.map((k) => k.seats);
  const final = movers.map((m) => m.current);
  const done = movers.map(() => false);
  // The families still in the run holding a seat at each kindergarten, earliest in the queue first.
  const holders: number[][] = ids.map(() => []);
  movers.forEach((m, family) => holders[m.current].push(family));
  const path: number[] = [];
  const onPath = movers.map(() => -1);

  const leave = (family: number) => {
    done[family] = true;
    onPath[family] = -1;
    const held = holders[movers[family].current];
    held.splice(held.indexOf(family), 1);
  };
  const move = (family: number, kindergarten: number) => {
    final[family] = kindergarten;
    leave(family);
  };
  const push = (family: number) => {
    onPath[family] = path.length;
    path.push(family);
  };

  let next = 0;
  for (;;) {
    if (path.length === 0) {
      while (next < movers.length && done[next]) next++;
      if (next === movers.length) break;
      push(next);
    }
    const family = path[path.length - 1];
    const target = movers[family].ranking.find((k) => vacant[k] > 0 || holders[k].length > 0);
    if (target === undefined) {
      leave(family);
      path.pop();
      continue;
    }
    if (vacant[target] > 0) {
      vacant[target]--;
      vacant[movers[path[0]].current]++;
      for (let step = 0; step < path.length - 1; step++) move(path[step], movers[path[step + 1]].current);
      move(family, target);
      path.length = 0;
      continue;
    }
    const holder = Math.min(...holders[target]);
    if (onPath[holder] < 0) {
      push(holder);
      continue;
    }
    const start = onPath[holder];
    for (let step = start; step < path.length - 1; step++) move(path[step], movers[path[step + 1]].current);
    move(family, target);
    path.length = start;
  }
  return new Map(families.map((f, i) => [f.position, ids[final[i]]]));
}
