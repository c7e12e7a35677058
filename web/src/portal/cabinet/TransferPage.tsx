// Asking to move an enrolled child (docs/allocation.md, transfers): the shared choice (KindergartenChoice.tsx) signing
// requestTransfer; the kindergarten the child attends is not offered; an empty list withdraws the request.
import { request } from '@shared/graphql/client';
import { RequestTransferDocument } from '@shared/graphql/generated/graphql';
import { RequireSignIn } from '../shell/RequireSignIn';
import { ChooseKindergartens, type ChoiceFlow } from './KindergartenChoice';

const transfer: ChoiceFlow = {
  words: 'transfer',
  status: 'ENROLLED',
  chosen: (a) => a.transferRequest?.kindergartens ?? [],
  excluded: (a) => a.directions.find((d) => d.status === 'ENROLLED')?.kindergarten.id,
  action: 'requestTransfer',
  submit: (input, signedXml) => request(RequestTransferDocument, { input, signedXml }),
  done: ['transferRequested', 'transferWithdrawn'],
};

export default function TransferPage({ number }: { number: string }) {
  return (
    <RequireSignIn>
      <ChooseKindergartens number={number} flow={transfer} />
    </RequireSignIn>
  );
}
