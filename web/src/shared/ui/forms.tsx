import { useEffect, useRef, type ChangeEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

export interface FieldError {
  field: string;
  message: string;
}

/** GOV.UK's error summary: at the top of the form, focused when it appears, each error a link to its field. */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t('form.errorSummary')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.field}>
            <a
              href={`#${e.field}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(e.field)?.focus();
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface BaseProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

function Describe({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

function describedBy(id: string, hint?: ReactNode, error?: string) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function TextField({
  id, label, hint, error, value, onChange, type = 'text', autoComplete, inputMode, width, multiline,
}: BaseProps & {
  value: string;
  onChange: (value: string) => void;
  type?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'email' | 'tel' | 'text';
  width?: 'short' | 'medium';
  multiline?: boolean;
}) {
  const common = {
    id,
    name: id,
    value,
    'aria-describedby': describedBy(id, hint, error),
    'aria-invalid': error ? true : undefined,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value),
  };
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <Describe id={id} hint={hint} error={error} />
      {multiline ? (
        <textarea rows={4} {...common} />
      ) : (
        <input type={type} autoComplete={autoComplete} inputMode={inputMode} className={width ? `input--${width}` : undefined} {...common} />
      )}
    </div>
  );
}

export function SelectField({
  id, label, hint, error, value, onChange, options,
}: BaseProps & { value: string; onChange: (value: string) => void; options: { value: string; label: string }[] }) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <Describe id={id} hint={hint} error={error} />
      <select id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy(id, hint, error)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Radios({
  id, label, hint, error, value, onChange, options,
}: BaseProps & { value: string; onChange: (value: string) => void; options: { value: string; label: ReactNode; hint?: ReactNode }[] }) {
  return (
    <fieldset className={`field${error ? ' field--error' : ''}`} aria-describedby={describedBy(id, hint, error)}>
      <legend>{label}</legend>
      <Describe id={id} hint={hint} error={error} />
      <div className="radios">
        {options.map((o, i) => (
          <div className="radio" key={o.value}>
            <input
              type="radio"
              id={i === 0 ? id : `${id}-${o.value}`}
              name={id}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <label htmlFor={i === 0 ? id : `${id}-${o.value}`}>
              {o.label}
              {o.hint && <span className="hint">{o.hint}</span>}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** Rows of "what — value — change" before signing (GOV.UK's check answers). */
export function SummaryList({ rows }: { rows: { key: ReactNode; value: ReactNode; action?: ReactNode }[] }) {
  return (
    <dl className="summary">
      {rows.map((row, i) => (
        <div className="summary__row" key={i}>
          <dt>{row.key}</dt>
          <dd>{row.value}</dd>
          {row.action && <dd className="summary__action">{row.action}</dd>}
        </div>
      ))}
    </dl>
  );
}
