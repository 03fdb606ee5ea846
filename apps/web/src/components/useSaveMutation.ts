/** A write from a form or a button: a toast and what follows on success; the server's field errors land on the form's fields, anything else is a toast. */
import { useMutation } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useT } from '../app/i18n';
import { useMessage } from '../app/message';
import { applyServerError } from './errors';

export function useSaveMutation<V, R = unknown>({
  form,
  mutationFn,
  saved,
  onSuccess,
}: {
  /** The form that shows the server's field errors; null when the write has no form. */
  form: FormInstance | null;
  mutationFn: (values: V) => Promise<R>;
  /** The success toast: "已保存" when left out, another text (or one made from the answer), or false for none. */
  saved?: string | false | ((result: R, values: V) => string);
  onSuccess?: (result: R, values: V) => void;
}) {
  const t = useT();
  const message = useMessage();
  return useMutation({
    mutationFn,
    onSuccess: (result, values) => {
      const text = saved === undefined ? t('common.saved') : typeof saved === 'function' ? saved(result, values) : saved;
      if (text !== false) message.success(text);
      onSuccess?.(result, values);
    },
    onError: (e) => applyServerError(form, e, message.error),
  });
}
