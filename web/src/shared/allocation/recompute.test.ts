import { describe, expect, it } from 'vitest';
import { differences, parseExtract, placedPerKindergarten, recompute, sha256Hex } from './recompute';

const A = '0B7A1F3E-5D2C-4E8B-9A61-000000000001'.toLowerCase();
const B = '0b7a1f3e-5d2c-4e8b-9a61-000000000002';
const extract = parseExtract(JSON.stringify({
  runId: 'r', region: 'almaty', groupYear: 2022, mode: 'window', ruleSet: 'almaty', ruleSetVersion: 2, seed: 'ab',
  kindergartens: [{ id: A, seats: 1 }, { id: B, seats: 1 }],
  families: [
    { position: 2, category: 'None', lottery: 3, ranking: [A] },
    { position: 0, category: 'OutOfTurn', lottery: 1, ranking: [A, B] },
    { position: 1, category: 'None', lottery: 2, ranking: [A, B] },
  ],
}));

describe('recomputing a run from its extract', () => {
  it('serves families in position order, each its best kindergarten with a seat left', () => {
    const placed = recompute(extract);
    expect([...placed.entries()].sort()).toEqual([[0, A], [1, B], [2, null]]);
    expect(placedPerKindergarten(placed)).toEqual(new Map([[A, 1], [B, 1]]));
  });

  it('finds the positions where the record differs, ids compared in any case', () => {
    const placed = recompute(extract);
    expect(differences(placed, [{ position: 0, kindergartenId: A.toUpperCase() }, { position: 1, kindergartenId: B }, { position: 2, kindergartenId: null }])).toEqual([]);
    expect(differences(placed, [{ position: 0, kindergartenId: B }, { position: 1, kindergartenId: B }])).toEqual([0, 2]);
  });

  it('hashes as the server does (SHA-256 of the UTF-8 text, hex)', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
