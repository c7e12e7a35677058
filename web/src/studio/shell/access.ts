// What each role may open. The server enforces every rule; the studio only shows what the person's roles allow.
import { createContext, useContext } from 'react';
import type { Role, StudioMeQuery } from '@shared/graphql/generated/graphql';

export type StudioViewer = NonNullable<StudioMeQuery['me']>;
export type Screen = 'rules' | 'lifecycles' | 'journal' | 'seats' | 'outbox' | 'intake' | 'roles' | 'registry' | 'statistics' | 'kindergartens' | 'regions' | 'allocation';

const allowed: Record<Screen, Role[]> = {
  rules: ['POLICY_OFFICER', 'ADMINISTRATOR'],
  lifecycles: ['POLICY_OFFICER', 'ADMINISTRATOR'],
  journal: ['OPERATOR', 'ADMINISTRATOR'],
  seats: ['OPERATOR', 'KINDERGARTEN_STAFF'],
  outbox: ['OPERATOR', 'ADMINISTRATOR'],
  intake: ['KINDERGARTEN_STAFF', 'OPERATOR'],
  roles: ['ADMINISTRATOR'],
  registry: ['ADMINISTRATOR'],
  statistics: ['OPERATOR', 'POLICY_OFFICER', 'ADMINISTRATOR'],
  kindergartens: ['OPERATOR', 'ADMINISTRATOR'],
  regions: ['ADMINISTRATOR'],
  allocation: ['OPERATOR', 'ADMINISTRATOR'],
};
const order: Screen[] = ['journal', 'intake', 'seats', 'kindergartens', 'allocation', 'outbox', 'rules', 'lifecycles', 'statistics', 'roles', 'regions', 'registry'];

export function screensFor(roles: { role: Role }[]): Screen[] {
  return order.filter((screen) => roles.some((r) => allowed[screen].includes(r.role)));
}

/** The regions a role holds (ADMINISTRATOR: every region, given as null). */
export function regionsOf(viewer: StudioViewer, role: Role): string[] | null {
  if (viewer.roles.some((r) => r.role === 'ADMINISTRATOR')) return null;
  return viewer.roles.filter((r) => r.role === role && r.region).map((r) => r.region!);
}

export const StudioContext = createContext<{ viewer: StudioViewer; screens: Screen[] } | null>(null);

export function useStudio() {
  const value = useContext(StudioContext);
  if (!value) throw new Error('useStudio outside the studio');
  return value;
}
