/** 接送 on the teacher's phone: the children who came and are not collected yet, each signed out in two taps. */
import type { Uncollected } from '@shuangjian/contracts';
import { Button, Card, Empty, Flex, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../../app/i18n';
import { FormModal } from '../../../../components/FormModal';
import { useSaveMutation } from '../../../../components/useSaveMutation';
import { useDailyWrites, useUncollected } from '../queries';

type Child = Uncollected['children'][number];
type Values = { collectorName: string; relation: string; note?: string };

export function PickupPanel({ date }: { date: string }) {
  const { t } = useI18n();
  const list = useUncollected(date);
  const writes = useDailyWrites();
  const [form] = Form.useForm<Values>();
  const [child, setChild] = useState<Child | null>(null);
  const save = useSaveMutation({
    form,
    mutationFn: (v: Values) => writes.signOut({ studentId: child!.studentId, date, ...v }),
    saved: (p) => t('afterSchool.daily.signedOut', { name: p.studentName, collector: p.collectorName }),
    onSuccess: () => setChild(null),
  });
  const relations = t('afterSchool.daily.relations').split(',');
  const children = list.data?.children ?? [];

  return (
    <Card size="small" title={t('afterSchool.daily.pickup')} data-testid="pickup-panel" extra={<Tag>{children.length}</Tag>}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('afterSchool.daily.pickupSub')}
      </Typography.Text>
      {list.data && !children.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('afterSchool.daily.pickupNone')} />}
      <Flex vertical gap={6} style={{ marginTop: 8 }}>
        {children.map((c) => (
          <Flex key={c.studentId} justify="space-between" align="center" gap={8} data-testid="uncollected-child">
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong>{c.name}</Typography.Text>{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.className} · {c.courseName} {c.endTime}
              </Typography.Text>
              {c.ended && (
                <Tag color="warning" style={{ marginLeft: 4 }}>
                  {t('afterSchool.daily.pickupEnded')}
                </Tag>
              )}
            </div>
            <Button
              onClick={() => {
                form.resetFields();
                setChild(c);
              }}
            >
              {t('afterSchool.daily.signOut')}
            </Button>
          </Flex>
        ))}
      </Flex>
      <FormModal<Values>
        form={form}
        name="pickup"
        open={!!child}
        title={child ? t('afterSchool.daily.signOutTitle', { name: child.name }) : ''}
        loading={save.isPending}
        onCancel={() => setChild(null)}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="collectorName" label={t('afterSchool.daily.collectorName')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('afterSchool.daily.relation')} htmlFor="pickup_relation" required style={{ marginBottom: 12 }}>
          <Form.Item name="relation" noStyle rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={10} />
          </Form.Item>
          <Flex wrap gap={6} style={{ marginTop: 8 }}>
            {relations.map((r) => (
              <Button key={r} size="small" onClick={() => form.setFieldsValue({ relation: r })}>
                {r}
              </Button>
            ))}
          </Flex>
        </Form.Item>
        <Form.Item name="note" label={t('afterSchool.daily.note')}>
          <Input maxLength={100} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
