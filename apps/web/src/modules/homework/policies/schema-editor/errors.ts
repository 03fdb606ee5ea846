/**
 * The server's refusal of a policy value on the form: each field it names ('value.bands.0.capFen') on the deepest
 * field of the form that path leads to (a list row's index compared as text: the form names it by number, an object's
 * '3' by text), the rest as a toast with the server's message.
 */
import type { FormInstance } from 'antd';
import { ApiError } from '../../../../app/api';

type Name = (string | number)[];

export function showPolicyError(form: FormInstance, error: unknown, toast: (text: string) => void) {
  if (!(error instanceof ApiError)) {
    toast(String(error));
    return;
  }
  const fields = (error.details as { fields?: { field: string; message: string }[] } | undefined)?.fields ?? [];
  const registered = form.getFieldsError().map((f) => f.name as Name);
  const placed = new Map<string, { name: Name; errors: string[] }>();
  let unplaced = fields.length === 0;
  for (const f of fields) {
    const parts = f.field.split('.');
    let best: Name | null = null;
    for (const n of registered) {
      if (n.length > parts.length || !n.every((s, i) => String(s) === parts[i])) continue;
      if (!best || n.length > best.length) best = n;
    }
    if (!best) {
      unplaced = true;
      continue;
    }
    const key = best.join('.');
    const held = placed.get(key) ?? { name: best, errors: [] };
    held.errors.push(f.message);
    placed.set(key, held);
  }
  if (placed.size) {
    form.setFields([...placed.values()]);
    form.scrollToField([...placed.values()][0]!.name, { block: 'center' });
  }
  if (unplaced) toast(error.message);
}
