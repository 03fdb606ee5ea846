/** A curator's new collection of designs (专题). */
import { COLLECTION_DESCRIPTION_MAX, COLLECTION_NAME_MAX, COLLECTION_NAME_MIN, type CollectionInput } from '@shuangjian/contracts';
import { Form, Input } from 'antd';
import type { z } from 'zod';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import { useSaveMutation } from '../../../components/useSaveMutation';
import type { CollectionRow } from './types';

export function CollectionForm({ onClose }: { onClose(created?: CollectionRow): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<z.input<typeof CollectionInput>>();
  const save = useSaveMutation({
    form,
    mutationFn: (v: z.input<typeof CollectionInput>) => api.post<CollectionRow>('/api/homework/collections', v),
    onSuccess: (c) => onClose(c),
  });
  return (
    <FormModal
      open
      title={t('hwv.library.newCollection')}
      onCancel={() => onClose()}
      okText={t('common.save')}
      form={form}
      loading={save.isPending}
      onFinish={(v) => save.mutate({ ...v, description: v.description || null })}
    >
      <Form.Item name="name" label={t('hwv.library.collectionName')} rules={[{ required: true, min: COLLECTION_NAME_MIN, max: COLLECTION_NAME_MAX }]}>
        <Input maxLength={COLLECTION_NAME_MAX} />
      </Form.Item>
      <Form.Item name="description" label={t('hwv.library.collectionDescription')}>
        <Input.TextArea rows={3} maxLength={COLLECTION_DESCRIPTION_MAX} />
      </Form.Item>
    </FormModal>
  );
}
