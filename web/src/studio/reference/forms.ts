// Server refusals of a reference-data form, put next to the field they are about.
import { ApiError } from '@shared/graphql/client';
import type { FieldError } from '@shared/ui/forms';
import type { StudioKey } from '../i18n';

/**
 * The API's refusal as an error of one of the form's fields (extensions.field, named as in the API's input), its message
 * already in the person's language; null when it is about no field of this form (then it is shown above the button).
 */
export function serverFieldError(error: unknown, ids: Record<string, string>, fieldName: (field: string) => string): FieldError | null {
  if (!(error instanceof ApiError) || !error.field) return null;
  const id = ids[error.field];
  return id ? { field: id, message: namingField(error.message, error.field, fieldName) } : null;
}

/** The API names a field by its input name («addressKk»); the person reads the field's label there instead. */
export function namingField(message: string, field: string, fieldName: (field: string) => string): string {
  return field ? message.split(`«${field}»`).join(`«${fieldName(field)}»`) : message;
}

/** A decimal number as people type it (a comma or a point), or null. */
export function decimal(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) ? value : null;
}

/** A whole number within the bounds, or null. */
export function whole(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : null;
}

/** A field's name in the person's language (field.<name> in the catalog), or the name itself. */
export function fieldLabel(t: (key: StudioKey) => string, field: string): string {
  const key = `field.${field}` as StudioKey;
  const name = t(key);
  return name === key ? field : name;
}
