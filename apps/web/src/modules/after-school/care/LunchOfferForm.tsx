/** Sets up or changes the semester's lunch offer: kitchens (one a line), fee by day or month, in yuan typed as text. */
import type { LunchOffer } from '@shuangjian/contracts';
import { type Fen, formatYuan, parseYuan, yuanTextProblemText } from '@shuangjian/policy';
import { Form, Input, Modal, Radio } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useCareWrites } from './queries';
import './messages';

interface Values {
  kitchens: string;
  feeMode: 'daily' | 'monthly';
  fee: string;
  note?: string;
}

export function LunchOfferForm({ schoolId, semesterId, offer, onClose }: { schoolId: string; semesterId: string; offer: LunchOffer | null; onClose(): void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const writes = useCareWrites();
  const save = useSaveMutation({
    form,
    mutationFn: (v: Values) => {
      const fee = parseYuan(v.fee);
      if (!fee.ok) throw new Error(yuanTextProblemText[fee.problem][locale]);
      return writes.saveOffer({ schoolId, semesterId, kitchens: v.kitchens.split('\n').map((k) => k.trim()).filter(Boolean), feeMode: v.feeMode, feeFen: fee.value, note: v.note ?? null });
    },
    onSuccess: onClose,
  });
  return (
    <Modal open title={t('afterSchool.care.lunch.setup')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={
          offer
            ? { kitchens: offer.kitchens.join('\n'), feeMode: offer.feeMode, fee: formatYuan(offer.feeFen as Fen, { locale: 'zh-CN', symbol: false }), note: offer.note ?? undefined }
            : { kitchens: '一号厨房', feeMode: 'daily', fee: '12.00' }
        }
      >
        <Form.Item name="kitchens" label={t('afterSchool.care.lunch.kitchens')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="feeMode" label={t('afterSchool.care.lunch.feeMode')}>
          <Radio.Group
            optionType="button"
            options={(['daily', 'monthly'] as const).map((m) => ({ value: m, label: t(`afterSchool.care.lunch.feeMode.${m}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="fee"
          label={t('afterSchool.care.lunch.fee')}
          rules={[
            { required: true },
            {
              validator: (_, v: string) => {
                const p = parseYuan(v ?? '');
                return p.ok ? Promise.resolve() : Promise.reject(new Error(yuanTextProblemText[p.problem][locale]));
              },
            },
          ]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="note" label={t('afterSchool.care.lunch.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
