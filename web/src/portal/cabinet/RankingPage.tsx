// Ranking kindergartens (docs/allocation.md) while the child is in the queue: the shared choice (KindergartenChoice.tsx)
// signing rankKindergartens.
import { request } from '@shared/graphql/client';
import { RankKindergartensDocument } from '@shared/graphql/generated/graphql';
import { RequireSignIn } from '../shell/RequireSignIn';
import { ChooseKindergartens, type ChoiceFlow } from './KindergartenChoice';

const ranking: ChoiceFlow = {
  words: 'ranking',
  status: 'QUEUED',
  chosen: (a) => a.rankedKindergartens,
  action: 'rankKindergartens',
  submit: (input, signedXml) => request(RankKindergartensDocument, { input, signedXml }),
  done: ['ranked', 'rankingWithdrawn'],
  window: true,
};

export default function RankingPage({ number }: { number: string }) {
  return (
    <RequireSignIn>
      <ChooseKindergartens number={number} flow={ranking} />
    </RequireSignIn>
  );
}
