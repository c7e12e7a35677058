// A run's public anonymised extract: anyone checks its hash and recomputes the run in the browser (docs/allocation.md).
import { useState } from 'react';
import { request } from '@shared/graphql/client';
import { KindergartensOfRegionDocument, PublicRunExtractDocument } from '@shared/graphql/generated/graphql';
import { parseExtract, placedPerKindergarten, recompute, sha256Hex } from '@shared/allocation/recompute';
import { useI18n, type MessageKey } from '@shared/i18n/i18n';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { SummaryList } from '@shared/ui/forms';
import { saveText } from '@shared/ui/download';
import { Loading, Notice, Page } from '@shared/ui/page';

export default function RunExtractPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { data, error, loading } = useAsync(() => request(PublicRunExtractDocument, { id }), [id]);
  const extract = data ? parseExtract(data.allocationRunExtract.json) : null;
  const names = useAsync(() => (extract ? request(KindergartensOfRegionDocument, { region: extract.region }) : Promise.resolve(null)), [extract?.region, lang]);
  const [checked, setChecked] = useState<{ hashMatches: boolean; placed: number; perKindergarten: Map<string, number> } | null>(null);
  if (loading && !data) return <Loading />;
  if (error !== undefined) return <ProblemMessage error={error} />;
  if (!data || !extract) return null;
  const modeName = (mode: string) => {
    const key = `allocationMode.${mode}` as MessageKey;
    const text = t(key);
    return text === key ? mode : text;
  };
  const nameOf = (kid: string) => names.data?.kindergartens.find((k) => k.id.toLowerCase() === kid.toLowerCase())?.name ?? kid;
  const check = async () => {
    const placed = recompute(extract);
    setChecked({
      hashMatches: (await sha256Hex(data.allocationRunExtract.json)) === data.allocationRunExtract.inputsHash,
      placed: [...placed.values()].filter(Boolean).length,
      perKindergarten: placedPerKindergarten(placed),
    });
  };
  return (
    <Page title={t('extract.title')} caption={t('extract.caption', { year: extract.groupYear })}>
      <p className="lead">{t('extract.lead')}</p>
      <SummaryList
        rows={[
          { key: t('extract.mode'), value: modeName(extract.mode) },
          { key: t('extract.ruleSet'), value: t('extract.ruleSetValue', { name: extract.ruleSet, version: extract.ruleSetVersion }) },
          { key: t('extract.families'), value: extract.families.length },
          { key: t('extract.seats'), value: extract.kindergartens.reduce((sum, k) => sum + k.seats, 0) },
          { key: t('extract.seed'), value: <span className="hash">{extract.seed}</span> },
          { key: t('extract.hash'), value: <span className="hash">{data.allocationRunExtract.inputsHash}</span> },
        ]}
      />
      <div className="actions-row">
        <button type="button" className="button" onClick={() => void check()}>
          {t('extract.recompute')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => saveText(data.allocationRunExtract.json, `allocation-run-${extract.runId}.json`, 'application/json')}>
          {t('extract.download')}
        </button>
      </div>
      <div aria-live="polite">
        {checked && (
          <Notice kind={checked.hashMatches ? 'success' : 'error'} title={checked.hashMatches ? t('extract.hashMatches') : t('extract.hashDiffers')}>
            <p>{t('extract.recomputed', { placed: checked.placed, families: extract.families.length })}</p>
            <ul>
              {extract.kindergartens.map((k) => (
                <li key={k.id}>{t('extract.perKindergarten', { name: nameOf(k.id), placed: checked.perKindergarten.get(k.id.toLowerCase()) ?? 0, seats: k.seats })}</li>
              ))}
            </ul>
          </Notice>
        )}
      </div>
      <p className="hint">{t('extract.how')}</p>
    </Page>
  );
}
