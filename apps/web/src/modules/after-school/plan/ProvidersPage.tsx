/** 白名单 (district): provider items picked by the expert panel with their per-lesson price; list, reprice, delist. */
import { PlusOutlined } from '@ant-design/icons';
import { COURSE_CATEGORIES, courseCategoryLabels, type Institution, type Provider } from '@shuangjian/contracts';
import { type Fen, formatYuan, parseYuan, todayIn, yuanTextProblemText } from '@shuangjian/policy';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { z } from 'zod';
import { api } from '../../../app/api';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { FormModal, useEditDialog } from '../../../components/FormModal';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { usePlanWrites, useProviders } from './queries';
import './messages';

interface Values {
  institutionId: string;
  item: string;
  category: string;
  price: string;
  listedFrom: dayjs.Dayjs;
  listedUntil: dayjs.Dayjs | null;
  panelNote: string | null;
}

export default function ProvidersPage() {
  const { t, locale } = useI18n();
  const tz = useTimeZone();
  const providers = useProviders();
  const institutions = useQuery({ queryKey: ['institutions'], queryFn: () => api.get<z.infer<typeof Institution>[]>('/api/institutions') });
  const writes = usePlanWrites();
  const dialog = useEditDialog<Provider, Values>({
    save: (v, row) => {
      const price = parseYuan(v.price);
      return writes.saveProvider(row === 'new' ? null : row.id, {
        institutionId: v.institutionId,
        item: v.item,
        category: v.category,
        pricePerLessonFen: price.ok ? price.value : 0,
        listedFrom: v.listedFrom.format('YYYY-MM-DD'),
        listedUntil: v.listedUntil ? v.listedUntil.format('YYYY-MM-DD') : null,
        panelNote: v.panelNote || null,
      });
    },
    fill: (row) =>
      row === 'new'
        ? { category: 'arts', listedFrom: dayjs(todayIn(tz)), listedUntil: null }
        : {
            institutionId: row.institutionId,
            item: row.item,
            category: row.category,
            price: formatYuan(row.pricePerLessonFen as Fen, { locale: 'zh-CN', symbol: false }),
            listedFrom: dayjs(row.listedFrom),
            listedUntil: row.listedUntil ? dayjs(row.listedUntil) : null,
            panelNote: row.panelNote,
          },
    onSaved: () => undefined,
  });
  const status = useSaveMutation({ form: null, mutationFn: (p: Provider) => writes.setProviderStatus(p.id, p.status === 'listed' ? 'delisted' : 'listed') });
  const isNew = dialog.editing === 'new';
  const eligible = (institutions.data ?? []).filter((i) => i.listStatus === 'white' && i.status === 'active');
  return (
    <>
      <PageHeader
        title={t('menu.afterSchool.providers')}
        sub={t('afterSchool.plan.providers.sub')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.open('new')}>
            {t('afterSchool.plan.providers.add')}
          </Button>
        }
      />
      {providers.error && <QueryError error={providers.error} />}
      <Table<Provider>
        rowKey="id"
        size="middle"
        loading={providers.isLoading}
        dataSource={providers.data ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('afterSchool.plan.providers.institution'), dataIndex: 'institutionName' },
          { title: t('afterSchool.plan.providers.item'), dataIndex: 'item' },
          { title: t('afterSchool.plan.course.category'), key: 'c', render: (_, p) => courseCategoryLabels[p.category][locale] },
          { title: t('afterSchool.plan.providers.price'), key: 'price', render: (_, p) => formatYuan(p.pricePerLessonFen as Fen, { locale }) },
          { title: t('afterSchool.plan.providers.listedFrom'), key: 'from', render: (_, p) => `${p.listedFrom} ~ ${p.listedUntil ?? ''}` },
          { title: t('afterSchool.plan.providers.courses'), dataIndex: 'courses' },
          { title: t('afterSchool.plan.status'), key: 'status', render: (_, p) => <Tag color={p.status === 'listed' ? 'green' : 'default'}>{t(`afterSchool.plan.providers.${p.status}`)}</Tag> },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, p) => (
              <Space size={4}>
                <Button size="small" onClick={() => dialog.open(p)}>
                  {t('afterSchool.plan.providers.edit')}
                </Button>
                {p.status === 'listed' ? (
                  <Popconfirm title={t('afterSchool.plan.providers.delistConfirm')} onConfirm={() => status.mutate(p)}>
                    <Button size="small" danger>
                      {t('afterSchool.plan.providers.delist')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button size="small" onClick={() => status.mutate(p)}>
                    {t('afterSchool.plan.providers.relist')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <FormModal<Values> {...dialog.modal} destroyOnHidden={false} forceRender name="provider" title={isNew ? t('afterSchool.plan.providers.add') : t('afterSchool.plan.providers.edit')}>
        <Form.Item name="institutionId" label={t('afterSchool.plan.providers.institution')} rules={[{ required: true }]}>
          <Select disabled={!isNew} options={eligible.map((i) => ({ value: i.id, label: `${i.name}（${i.field}）` }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="item" label={t('afterSchool.plan.providers.item')} rules={[{ required: true, max: 40 }]}>
            <Input disabled={!isNew} />
          </Form.Item>
          <Form.Item name="category" label={t('afterSchool.plan.course.category')} rules={[{ required: true }]}>
            <Select disabled={!isNew} style={{ width: 140 }} options={COURSE_CATEGORIES.filter((c) => c !== 'homework').map((c) => ({ value: c, label: courseCategoryLabels[c][locale] }))} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item
            name="price"
            label={t('afterSchool.plan.providers.price')}
            rules={[
              {
                validator: async (_, v: string) => {
                  const p = parseYuan(v ?? '');
                  if (!p.ok) throw new Error(yuanTextProblemText[p.problem][locale]);
                  if (p.value <= 0) throw new Error(yuanTextProblemText.invalid[locale]);
                },
              },
            ]}
          >
            <Input style={{ width: 140 }} prefix="¥" />
          </Form.Item>
          <Form.Item name="listedFrom" label={t('afterSchool.plan.providers.listedFrom')} rules={[{ required: true }]}>
            <DatePicker disabled={!isNew} />
          </Form.Item>
          <Form.Item name="listedUntil" label={t('afterSchool.plan.providers.listedUntil')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="panelNote" label={t('afterSchool.plan.providers.panelNote')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </FormModal>
    </>
  );
}
