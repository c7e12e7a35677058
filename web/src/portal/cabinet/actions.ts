// The family's signed actions: their page under the application and their label. Which one shows is availableActions' say.
export const actionRoutes: Record<string, string> = {
  chooseKindergarten: 'choose',
  extendDirection: 'extend',
  revokeDirection: 'revoke',
  withdrawApplication: 'withdraw',
  confirmVoucher: 'confirm-voucher',
  refuseVoucher: 'refuse-voucher',
  restoreApplication: 'restore',
};

export const routeActions: Record<string, string> = Object.fromEntries(Object.entries(actionRoutes).map(([a, r]) => [r, a]));
