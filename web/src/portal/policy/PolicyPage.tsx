import { request } from '@shared/graphql/client';
import { RegionPolicyDocument } from '@shared/graphql/generated/graphql';
import { useI18n } from '@shared/i18n/i18n';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { Loading, Page } from '@shared/ui/page';
import { RegionSelect } from '../shell/Layout';
import { usePortal } from '../shell/context';

/** The region's rules in force, said as sentences a parent reads, not as a table of parameters. */
export default function PolicyPage() {
  const { t, lang } = useI18n();
  const { region } = usePortal();
  const { data, error, loading } = useAsync(() => request(RegionPolicyDocument, { region }), [region, lang]);
  const p = data?.regionPolicy;
  const years = (months: number) => (months % 12 === 0 ? t('policy.years', { n: months / 12 }) : t('policy.months', { n: months }));
  return (
    <Page title={t('policy.title')}>
      <RegionSelect />
      {loading && !p && <Loading />}
      {error !== undefined && <ProblemMessage error={error} />}
      {p && (
        <>
          <h2>{t('policy.queueTitle')}</h2>
          <ul className="prose-list">
            <li>{t('policy.age', { min: years(p.minAgeMonths), max: years(p.maxAgeMonths) })}</li>
            <li>{p.queueOrder === 'strict' ? t('policy.orderStrict') : t('policy.orderInterleave', { order: p.queueOrder.replace('interleave ', '') })}</li>
            <li>{t('policy.benefits')}</li>
          </ul>
          <h2>{t('policy.turnTitle')}</h2>
          <ul className="prose-list">
            {p.lifecycle === 'voucher' ? (
              <>
                <li>{t('policy.voucherConfirm', { days: p.voucherConfirmDays })}</li>
                <li>{t('policy.voucherRestore', { days: p.voucherRestoreDays })}</li>
              </>
            ) : (
              <>
                <li>{t('policy.choose', { days: p.daysToChoose })}</li>
                <li>{t('policy.attend', { days: p.daysToAttend })}</li>
                <li>{t('policy.revoke', { hours: p.revokeWindowHours })}</li>
                <li>{p.extensionsAllowed > 0 ? t('policy.extend', { times: p.extensionsAllowed, days: p.extensionMaxDays }) : t('policy.noExtend')}</li>
                <li>{t('policy.stopList', { days: p.stopListDays, times: p.expirationsBeforeRemoval })}</li>
              </>
            )}
          </ul>
          {p.support && (p.support.phone || p.support.email) && (
            <>
              <h2>{t('help.title')}</h2>
              <p>
                {p.support.phone && <>{t('help.phone')}: <a href={`tel:${p.support.phone}`}>{p.support.phone}</a>. </>}
                {p.support.email && <>{t('help.email')}: <a href={`mailto:${p.support.email}`}>{p.support.email}</a>.</>}
              </p>
            </>
          )}
        </>
      )}
    </Page>
  );
}
