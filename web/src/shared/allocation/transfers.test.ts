import { describe, expect, it } from 'vitest';
import { differences } from './recompute';
import { isTransferExtract, recomputeTransfers, type TransferExtract } from './transfers';

const [A, B, C, D] = ['a', 'b', 'c', 'd'].map((x) => `0b7a1f3e-5d2c-4e8b-9a61-00000000000${x}`);
const family = (position: number, current: string, ranking: string[]) => ({ position, category: 'None', lottery: 0, ranking, current });

describe('recomputing a transfer run from its extract', () => {
  it('swaps a ring, gives a free seat in queue order and leaves the rest where they are', () => {
    const extract: TransferExtract = {
      runId: 'r', region: 'almaty', groupYear: 2022, mode: 'transfer', ruleSet: 'almaty', ruleSetVersion: 1, seed: '',
      kindergartens: [{ id: A, seats: 0 }, { id: B, seats: 0 }, { id: C, seats: 0 }, { id: D, seats: 1 }],
      // The extract of TransferTests: 0 A→B,D; 1 B→C; 2 C→A; 3 A→D; 4 B→D.
      families: [family(0, A, [B, D]), family(1, B, [C]), family(2, C, [A]), family(3, A, [D]), family(4, B, [D])],
    };
    expect(isTransferExtract(extract)).toBe(true);
    const moved = recomputeTransfers(extract);
    expect([0, 1, 2, 3, 4].map((p) => moved.get(p))).toEqual([B, C, A, D, B]);
    expect(differences(moved, [0, 1, 2, 3, 4].map((p) => ({ position: p, kindergartenId: [B, C, A, D, B][p].toUpperCase() })))).toEqual([]);
  });

  it('moves a chain onto a free seat: the first family leaves its seat free for the next', () => {
    const extract: TransferExtract = {
      runId: 'r', region: 'almaty', groupYear: 2022, mode: 'transfer', ruleSet: 'almaty', ruleSetVersion: 1, seed: '',
      kindergartens: [{ id: A, seats: 0 }, { id: B, seats: 1 }, { id: C, seats: 0 }],
      // 0 at A wants C (held by 1); 1 at C wants B (free): 1 → B, 0 → C; 2 at B wants A: A is free after 0 left.
      families: [family(0, A, [C]), family(1, C, [B]), family(2, B, [A])],
    };
    expect([...recomputeTransfers(extract).entries()]).toEqual([[0, C], [1, B], [2, A]]);
  });
});
