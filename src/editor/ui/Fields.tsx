// Form controls of the inspector. Each has a real <label>; text fields send every keystroke to the
// store under one coalescing key (a burst of typing is one undo step) and end the burst on blur.
// A value the model would refuse (an empty label) stays in the field with a message and is not sent.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { humanise } from '../fields';
import { useController } from './context';

interface TextProps {
  label: string;
  value: string | undefined;
  /** Called with the new value, or undefined when the field is emptied (the key is removed). */
  onChange: (value: string | undefined) => void;
  /** A message when the value cannot be used; the field keeps it but the model does not get it. */
  validate?: (value: string) => string | undefined;
  multiline?: boolean;
  required?: boolean;
  maxLength?: number;
  placeholder?: string;
  hint?: string;
  type?: 'text' | 'url';
  id?: string;
}

export function TextField({ label, value, onChange, validate, multiline, required, maxLength, placeholder, hint, type = 'text', id }: TextProps) {
  const { store } = useController();
  const autoId = useId();
  const fieldId = id ?? autoId;
  const [draft, setDraft] = useState(value ?? '');
  const [error, setError] = useState<string | undefined>();
  const [shown, setShown] = useState(value);
  // The model changed under the field (undo, another selection): show the model's value.
  if (value !== shown) {
    setShown(value);
    setDraft(value ?? '');
    setError(undefined);
  }
  const change = (next: string) => {
    setDraft(next);
    const problem = validate?.(next) ?? (required && next.trim() === '' ? `${label} is required.` : undefined);
    setError(problem);
    if (problem) return;
    const committed = next === '' ? undefined : next;
    setShown(committed);
    onChange(committed);
  };
  const blur = () => {
    store.endCoalescing();
    if (error) {
      setDraft(value ?? '');
      setError(undefined);
    }
  };
  const describedBy = [error ? `${fieldId}-error` : '', hint ? `${fieldId}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id: fieldId,
    value: draft,
    maxLength,
    placeholder,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onBlur: blur,
  };
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => change(e.target.value)} />
      ) : (
        <div className="field__box">
          <input {...common} type={type} onChange={(e) => change(e.target.value)} />
        </div>
      )}
      {hint && (
        <p id={`${fieldId}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${fieldId}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface SelectProps {
  label: string;
  value: string | undefined;
  options: readonly (string | { value: string; label: string })[];
  onChange: (value: string | undefined) => void;
  /** Offer "not set" (the attribute is optional). */
  allowEmpty?: boolean;
  emptyLabel?: string;
  id?: string;
}

export function SelectField({ label, value, options, onChange, allowEmpty = true, emptyLabel = '— not set —', id }: SelectProps) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  const items = options.map((o) => (typeof o === 'string' ? { value: o, label: humanise(o) } : o));
  const unknown = value !== undefined && !items.some((o) => o.value === value);
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <select id={fieldId} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
        {allowEmpty && <option value="">{emptyLabel}</option>}
        {unknown && <option value={value}>{value} (not in the list)</option>}
        {items.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A checkbox for an optional yes/no: unset shows as indeterminate, and "Clear" unsets it again. */
export function CheckboxField({ label, value, onChange }: { label: string; value: boolean | undefined; onChange: (value: boolean | undefined) => void }) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = value === undefined;
  }, [value]);
  return (
    <div className="field field--checkbox">
      <input ref={ref} id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>
        {label}
        {value === undefined && <span className="field__unset"> (not set)</span>}
      </label>
      {value !== undefined && (
        <button type="button" className="link-button" onClick={() => onChange(undefined)} aria-label={`Clear ${label}`}>
          Clear
        </button>
      )}
    </div>
  );
}

export function DateField({ label, value, onChange }: { label: string; value: string | undefined; onChange: (value: string | undefined) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />
    </div>
  );
}

export function NumberField({ label, value, onChange, min, integer }: { label: string; value: number | undefined; onChange: (value: number | undefined) => void; min?: number; integer?: boolean }) {
  const id = useId();
  const [draft, setDraft] = useState(value === undefined ? '' : String(value));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setDraft(value === undefined ? '' : String(value));
  }
  const valid = (n: number) => Number.isFinite(n) && (min === undefined || n >= min) && (!integer || Number.isInteger(n));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        step={integer ? 1 : 'any'}
        value={draft}
        aria-invalid={draft !== '' && !valid(Number(draft)) ? true : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          if (e.target.value === '') {
            setShown(undefined);
            onChange(undefined);
          } else if (valid(Number(e.target.value))) {
            setShown(Number(e.target.value));
            onChange(Number(e.target.value));
          }
        }}
      />
    </div>
  );
}

export function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="group">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}
