/**
 * The writes on a class's day: adjust an item (班主任协调), submit the day, approve it or send it back (教务处). A refusal
 * for a rule the day breaks (422) or a day that moved on (409) is kept for the page's alert; field errors go to the form.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { api, ApiError, idempotencyKey } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { applyServerError } from '../../../components/errors';
import { type ClassDayRow, invalidateHomework, type Item } from '../components/model';
import type { ReasonValues } from '../components/ReasonModal';
import type { Action } from './ItemParts';

export function useDayActions(day: ClassDayRow, forms: { adjust: FormInstance<ReasonValues>; submit: FormInstance<ReasonValues> }, close: () => void) {
  const { t } = useI18n();
  const message = useMessage();
  const client = useQueryClient();
  const [ruleError, setRuleError] = useState<ApiError | null>(null);
  const base = `/api/homework/days/${day.classId}/${day.date}`;

  const done = (text: string) => {
    message.success(text);
    setRuleError(null);
    invalidateHomework(client);
  };
  /** 422 (a rule the day breaks) and 409 (the day moved on) go to the page's alert; field errors to the open form. */
  const failed = (form: Parameters<typeof applyServerError>[0]) => (e: unknown) => {
    if (e instanceof ApiError && (e.status === 422 || e.status === 409)) {
      setRuleError(e);
      close();
      invalidateHomework(client);
    } else applyServerError(form, e, message.error);
  };

  const adjust = useMutation({
    mutationFn: ({ item, action, values }: { item: Item; action: Action; values: ReasonValues }) =>
      api.post<Item>(`/api/homework/items/${item.id}/adjust`, {
        action,
        reason: values.reason,
        ...(action === 'shorten' ? { minutes: values.minutes } : {}),
        ...(action === 'move' ? { date: values.date?.format('YYYY-MM-DD') } : {}),
      }),
    onSuccess: (_, v) => {
      close();
      done(t(`hw.adjust.${v.action}.done`, { subject: v.item.subjectName }));
    },
    onError: failed(forms.adjust),
  });
  const submit = useMutation({
    mutationFn: (note: string | undefined) => api.post<ClassDayRow>(`${base}/submit`, { note: note ?? null }, { headers: idempotencyKey() }),
    onSuccess: (d) => {
      close();
      done(d.status === 'published' ? t('hw.day.publishedDone') : t('hw.day.submittedDone'));
    },
    onError: failed(forms.submit),
  });
  const approve = useMutation({
    mutationFn: () => api.post<ClassDayRow>(`${base}/approve`, {}, { headers: idempotencyKey() }),
    onSuccess: () => done(t('hw.day.approvedDone')),
    onError: failed(null),
  });
  const giveBack = useMutation({
    mutationFn: (reason: string) => api.post<ClassDayRow>(`${base}/return`, { reason }, { headers: idempotencyKey() }),
    onSuccess: () => {
      close();
      done(t('hw.day.returnedDone'));
    },
    onError: failed(null),
  });
  return { adjust, submit, approve, giveBack, ruleError, clearRuleError: () => setRuleError(null) };
}
