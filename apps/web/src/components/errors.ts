/** Shows a server error in a form: field messages on their fields, anything else as a toast. */
import type { FormInstance } from 'antd';
import { ApiError } from '../app/api';

export function applyServerError(form: FormInstance | null, error: unknown, toast: (text: string) => void) {
  if (!(error instanceof ApiError)) {
    toast(String(error));
    return;
  }
  const fields = (error.details as { fields?: { field: string; message: string }[] } | undefined)?.fields;
  if (form && fields?.length) {
    const known = fields.filter((f) => form.getFieldInstance(f.field.split('.')) !== undefined || form.getFieldValue(f.field.split('.')) !== undefined);
    if (known.length) {
      form.setFields(known.map((f) => ({ name: f.field.split('.'), errors: [f.message] })));
      if (known.length === fields.length) return;
    }
  }
  toast(error.message);
}
