/** The set-homework form's writes: create items (new), save an item (edit, with its version), withdraw it; `run` validates first. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { api, ApiError, idempotencyKey } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { applyServerError } from '../../../components/errors';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { invalidateHomework, type Item } from '../components/model';
import { type EntryValues, type FormValues, payloadEntry } from './plan';

export function useHomeworkSave({
  form,
  item,
  onCreated,
  onConflict,
  onInvalidDates,
}: {
  form: FormInstance<FormValues>;
  item?: Item;
  onCreated: (items: Item[]) => void;
  /** A save over a newer version of the item: the server's message. */
  onConflict: (message: string) => void;
  /** The dates whose entries failed validation (to unfold them). */
  onInvalidDates: (dates: string[]) => void;
}) {
  const { t } = useI18n();
  const message = useMessage();
  const client = useQueryClient();

  const create = useSaveMutation({
    form,
    mutationFn: ({ values, submit }: { values: FormValues; submit: boolean }) =>
      api.post<{ items: Item[] }>(
        '/api/homework/items',
        { classIds: values.classIds, subjectId: values.subjectId, planKind: values.planKind, submit, entries: values.entries.map(payloadEntry) },
        { headers: idempotencyKey() },
      ),
    // the created items are listed at the top instead
    saved: false,
    onSuccess: (res) => {
      onCreated(res.items);
      invalidateHomework(client);
      window.scrollTo({ top: 0 });
    },
  });

  const save = useMutation({
    mutationFn: async ({ values, submit }: { values: FormValues; submit: boolean }) => {
      const e = payloadEntry(values.entries[0]!);
      const saved = await api.patch<Item>(`/api/homework/items/${item!.id}`, {
        title: e.title,
        content: e.content,
        type: e.type,
        layer: e.layer,
        place: e.place,
        minutes: e.minutes,
        date: e.date,
        links: e.links,
        attachmentIds: e.attachmentIds,
        version: item!.version,
      });
      if (submit) await api.post('/api/homework/items/submit', { itemIds: [saved.id] }, { headers: idempotencyKey() });
      return { saved, submit };
    },
    onSuccess: ({ submit }) => {
      message.success(submit ? t('hw.edit.submitted') : t('common.saved'));
      invalidateHomework(client);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) onConflict(e.message);
      else applyServerError(form, e, message.error);
    },
  });

  const withdraw = useSaveMutation({
    form: null,
    mutationFn: () => api.post<Item>(`/api/homework/items/${item!.id}/withdraw`),
    saved: t('hw.edit.withdrawn'),
    onSuccess: () => invalidateHomework(client),
  });

  const run = (submit: boolean) => {
    form
      .validateFields()
      .then(() => {
        const values = form.getFieldsValue(true) as FormValues;
        if (!values.entries.length) {
          message.error(t('hw.form.noDates'));
          return;
        }
        if (values.entries.some((e) => (e.files ?? []).some((f) => f.status === 'uploading'))) {
          message.warning(t('hw.form.uploading'));
          return;
        }
        if (item) save.mutate({ values, submit });
        else create.mutate({ values, submit });
      })
      .catch((err: { errorFields?: { name: (string | number)[] }[] }) => {
        const list = (form.getFieldValue('entries') as EntryValues[] | undefined) ?? [];
        const dates = (err.errorFields ?? []).filter((f) => f.name[0] === 'entries').map((f) => list[Number(f.name[1])]?.date);
        onInvalidDates(dates.filter((d): d is string => !!d));
      });
  };

  return { run, saving: create.isPending || save.isPending, withdraw: () => withdraw.mutate(), withdrawing: withdraw.isPending };
}
