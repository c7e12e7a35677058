// Small parts the studio's screens share: the region picker, a line diff, debounced effects.
import { useEffect, useState } from 'react';
import { usePortal } from '../portal/shell/context';
import { useStudioI18n } from './i18n';

/** The regions a person works in: theirs for a role, or every region for an administrator (null). */
export function RegionPicker({ id = 'studio-region', regions, value, onChange }: { id?: string; regions: string[] | null; value: string; onChange: (code: string) => void }) {
  const { t } = useStudioI18n();
  const portal = usePortal();
  const options = regions === null ? portal.regions.map((r) => ({ code: r.code, name: r.name })) : regions.map((code) => ({ code, name: portal.regions.find((r) => r.code === code)?.name ?? code }));
  if (options.length < 2) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{t('common.region')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function useRegionChoice(regions: string[] | null): [string, (code: string) => void] {
  const portal = usePortal();
  const first = regions === null ? (portal.region || portal.regions[0]?.code || '') : (regions[0] ?? '');
  return useState(first);
}

/** A value that settles: changes within `ms` of each other count once. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Lines removed (-) and added (+) from a to b, by the longest common subsequence; equal lines kept for context. */
export function lineDiff(a: string, b: string): { kind: ' ' | '-' | '+'; text: string }[] {
  const x = a.split('\n');
  const y = b.split('\n');
  const n = x.length;
  const m = y.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: { kind: ' ' | '-' | '+'; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      out.push({ kind: ' ', text: x[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ kind: '-', text: x[i++] });
    else out.push({ kind: '+', text: y[j++] });
  }
  while (i < n) out.push({ kind: '-', text: x[i++] });
  while (j < m) out.push({ kind: '+', text: y[j++] });
  return out;
}

/** The changed lines with up to `context` equal lines around them. */
export function Diff({ before, after, label }: { before: string; after: string; label: string }) {
  const { t } = useStudioI18n();
  const lines = lineDiff(before, after);
  const near = (index: number) => lines.slice(Math.max(0, index - 2), index + 3).some((l) => l.kind !== ' ');
  const shown = lines.map((line, index) => ({ line, index })).filter(({ index }) => near(index));
  if (!lines.some((l) => l.kind !== ' ')) return <p className="muted">{t('diff.none')}</p>;
  return (
    <div className="diff" role="region" aria-label={label} tabIndex={0}>
      {shown.map(({ line, index }, k) => (
        <div key={index} className={line.kind === '+' ? 'diff__added' : line.kind === '-' ? 'diff__removed' : undefined}>
          {k > 0 && shown[k - 1].index !== index - 1 ? '…\n' : ''}
          <span aria-hidden="true">{line.kind} </span>
          <span className="visually-hidden">{line.kind === '+' ? t('diff.added') : line.kind === '-' ? t('diff.removed') : ''}</span>
          {line.text}
        </div>
      ))}
    </div>
  );
}

/**
 * A file picker in the person's language: the browser's own button says "Choose File" in the browser's language, so the
 * input is hidden and its label is the button. The file's text is handed over.
 */
export function FileField({ id, label, accept = '.csv,text/csv', onText }: { id: string; label: string; accept?: string; onText: (text: string) => void }) {
  const { t } = useStudioI18n();
  const [name, setName] = useState('');
  return (
    <div className="field file-field">
      <span className="file-field__label" id={`${id}-label`}>{label}</span>
      <input id={id} type="file" accept={accept} className="visually-hidden" aria-labelledby={`${id}-label ${id}-name`}
        onChange={async (e) => { const file = e.target.files?.[0]; if (file) { setName(file.name); onText(await file.text()); } }} />
      <label htmlFor={id} className="button button--secondary" aria-hidden="true">{t('file.choose')}</label>
      <span className="file-field__name" id={`${id}-name`}>{name || t('file.none')}</span>
    </div>
  );
}
