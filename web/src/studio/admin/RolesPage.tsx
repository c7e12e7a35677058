// Roles, for administrators: who holds what, grant and revoke.
import { useState, type FormEvent } from 'react';
import { request } from '@shared/graphql/client';
import { StudioGrantRoleDocument, StudioRevokeRoleDocument, StudioRoleGrantsDocument, type Role } from '@shared/graphql/generated/graphql';
import { usePortal } from '../../portal/shell/context';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { ErrorSummary, SelectField, TextField, type FieldError } from '@shared/ui/forms';
import { iinProblem } from '@shared/validation/iin';
import { Loading, Notice, Page } from '@shared/ui/page';
import { useStudioI18n, type StudioKey } from '../i18n';

const grantable: Role[] = ['OPERATOR', 'POLICY_OFFICER', 'KINDERGARTEN_STAFF', 'ADMINISTRATOR'];

export default function RolesPage() {
  const { t, formatDateTime } = useStudioI18n();
  const portal = usePortal();
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const grants = useAsync(() => request(StudioRoleGrantsDocument, { includeRevoked }), [includeRevoked]);
  const [form, setForm] = useState({ iin: '', role: 'OPERATOR', region: portal.regions[0]?.code ?? '', bin: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value });
  const needsRegion = form.role === 'OPERATOR' || form.role === 'POLICY_OFFICER';
  const needsBin = form.role === 'KINDERGARTEN_STAFF';

  const grant = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (iinProblem(form.iin.trim()) !== null) found.push({ field: 'roles-iin', message: t('roles.iinInvalid') });
    if (needsBin && !/^\d{12}$/.test(form.bin.trim())) found.push({ field: 'roles-bin', message: t('roles.binInvalid') });
    setErrors(found);
    if (found.length) return;
    setProblem(null);
    try {
      await request(StudioGrantRoleDocument, { iin: form.iin.trim(), role: form.role as Role, region: needsRegion ? form.region : undefined, bin: needsBin ? form.bin.trim() : undefined });
      setDone(t('roles.granted'));
      setForm({ ...form, iin: '', bin: '' });
      grants.reload();
    } catch (error) {
      setProblem(error);
    }
  };
  const revoke = async (id: string) => {
    setProblem(null);
    try {
      await request(StudioRevokeRoleDocument, { grantId: id });
      setDone(t('roles.revoked'));
      grants.reload();
    } catch (error) {
      setProblem(error);
    }
  };
  return (
    <Page title={t('roles.title')}>
      {done && <Notice kind="success" title={done} />}
      {problem !== null && <ProblemMessage error={problem} />}
      <h2>{t('roles.grant')}</h2>
      <form onSubmit={grant} noValidate className="inline-form">
        <ErrorSummary errors={errors} />
        <TextField id="roles-iin" label={t('roles.iin')} inputMode="numeric" error={errors.find((e) => e.field === 'roles-iin')?.message} value={form.iin} onChange={set('iin')} />
        <SelectField id="roles-role" label={t('roles.role')} value={form.role} onChange={set('role')} options={grantable.map((r) => ({ value: r, label: t(`role.${r}` as StudioKey) }))} />
        {needsRegion && <SelectField id="roles-region" label={t('common.region')} value={form.region} onChange={set('region')} options={portal.regions.map((r) => ({ value: r.code, label: r.name }))} />}
        {needsBin && <TextField id="roles-bin" label={t('roles.bin')} inputMode="numeric" error={errors.find((e) => e.field === 'roles-bin')?.message} value={form.bin} onChange={set('bin')} />}
        <div className="field"><button type="submit" className="button">{t('roles.grantButton')}</button></div>
      </form>
      <h2>{t('roles.list')}</h2>
      <div className="field radio">
        <input type="checkbox" id="roles-revoked" checked={includeRevoked} onChange={(e) => setIncludeRevoked(e.target.checked)} />
        <label htmlFor="roles-revoked">{t('roles.includeRevoked')}</label>
      </div>
      {grants.error !== undefined && <ProblemMessage error={grants.error} />}
      {grants.loading && !grants.data ? <Loading /> : grants.data && (
        <div className="studio-table-wrap">
          <table className="table studio-table">
            <caption className="visually-hidden">{t('roles.list')}</caption>
            <thead>
              <tr><th scope="col">{t('roles.iin')}</th><th scope="col">{t('roles.role')}</th><th scope="col">{t('roles.scope')}</th><th scope="col">{t('roles.grantedAt')}</th><th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th></tr>
            </thead>
            <tbody>
              {grants.data.roleGrants.map((g) => (
                <tr key={g.id}>
                  <td>{g.iin}</td>
                  <td>{t(`role.${g.role}` as StudioKey)}</td>
                  <td>{g.region ? (portal.regions.find((r) => r.code === g.region)?.name ?? g.region) : (g.bin ? `${t('kg.binShort')} ${g.bin}` : '—')}</td>
                  <td>{formatDateTime(g.grantedAt)}{g.revokedAt ? ` — ${t('roles.revokedAt', { at: formatDateTime(g.revokedAt) })}` : ''}</td>
                  <td>{!g.revokedAt && g.id && <button type="button" className="link-button" onClick={() => revoke(g.id)}>{t('roles.revoke', { iin: g.iin })}</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
