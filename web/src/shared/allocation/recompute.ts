// Recomputing an allocation run from its public extract (allocationRunExtract.json), as anyone may: serial dictatorship,
// families in position order, each taking its highest-ranked kindergarten with a seat left (docs/allocation.md). The
// extract is the canonical JSON the run's inputsHash is the SHA-256 of.

export interface Extract {
  runId: string;
  region: string;
  groupYear: number;
  mode: string;
  ruleSet: string;
  ruleSetVersion: number;
  seed: string;
  kindergartens: { id: string; seats: number }[];
  families: { position: number; category: string; lottery: number; ranking: string[] }[];
}

export function parseExtract(json: string): Extract {
  const value = JSON.parse(json) as Extract;
  if (!Array.isArray(value.kindergartens) || !Array.isArray(value.families)) throw new Error('Not an allocation extract');
  return value;
}

/** Where each position ends: a kindergarten id, or null when none it ranked had a seat left. */
export function recompute(extract: Extract): Map<number, string | null> {
  const left = new Map(extract.kindergartens.map((k) => [k.id.toLowerCase(), k.seats]));
  const placed = new Map<number, string | null>();
  for (const family of [...extract.families].sort((a, b) => a.position - b.position)) {
    const given = family.ranking.map((id) => id.toLowerCase()).find((id) => (left.get(id) ?? 0) > 0) ?? null;
    if (given) left.set(given, left.get(given)! - 1);
    placed.set(family.position, given);
  }
  return placed;
}

/** The positions whose recorded kindergarten differs from the recomputed one (an empty list: the run is reproduced). */
export function differences(recomputed: Map<number, string | null>, recorded: { position: number; kindergartenId?: string | null }[]): number[] {
  const positions = new Set([...recomputed.keys(), ...recorded.map((o) => o.position)]);
  const byPosition = new Map(recorded.map((o) => [o.position, o.kindergartenId?.toLowerCase() ?? null]));
  return [...positions].filter((p) => (recomputed.get(p) ?? null) !== (byPosition.has(p) ? byPosition.get(p)! : undefined)).sort((a, b) => a - b);
}

/** SHA-256 of the text as UTF-8, in lower-case hex (the run's inputsHash). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** How many seats each kindergarten gave in the recomputation. */
export function placedPerKindergarten(recomputed: Map<number, string | null>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of recomputed.values()) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
