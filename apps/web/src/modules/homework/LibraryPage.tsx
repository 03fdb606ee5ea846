/** 优质作业资源库: search the district's homework designs, reuse one, write new ones; curators mark excellent designs and group them. */
import { BookOutlined, EditOutlined, FolderOpenOutlined, PlusOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import { type Collection, type CollectionInput, type Design, type DesignInput, type DesignPage, gradeNames, type Subject } from '@shuangjian/contracts';
import { HOMEWORK_TYPES, homeworkTypeLabels, LAYERS, layerLabels } from '@shuangjian/policy';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Checkbox, Col, Descriptions, Drawer, Empty, Flex, Form, Grid, Input, InputNumber, Pagination, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { api, qs } from '../../app/api';
import { can, hasRole, useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { useSaveMutation } from '../../components/useSaveMutation';
import { hwKey, useDebounced } from './components/model';
import { LayerTag, TypeTag } from './components/tags';

type DesignRow = z.infer<typeof Design>;
type CollectionRow = z.infer<typeof Collection>;
type SubjectRow = z.infer<typeof Subject>;
type DesignValues = z.input<typeof DesignInput>;
type Filters = {
  q?: string;
  subjectId?: string;
  grade?: number;
  type?: DesignRow['type'];
  layer?: DesignRow['layer'];
  unit?: string;
  excellent?: boolean;
  collectionId?: string;
};

const PAGE_SIZE = 12;
const gradeOptions = gradeNames.slice(1).map((label, i) => ({ value: i + 1, label }));

function DesignForm({ design, subjects, onClose }: { design: DesignRow | null; subjects: SubjectRow[]; onClose(saved?: DesignRow): void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<DesignValues>();
  const save = useSaveMutation({
    form,
    mutationFn: (v: DesignValues) => (design ? api.put<DesignRow>(`/api/homework/designs/${design.id}`, v) : api.post<DesignRow>('/api/homework/designs', v)),
    onSuccess: (d) => onClose(d),
  });
  return (
    <FormModal
      open
      title={design ? t('hwv.library.edit') : t('hwv.library.new')}
      onCancel={() => onClose()}
      okText={t('common.save')}
      width={640}
      form={form}
      loading={save.isPending}
      initialValues={design ? { ...design, unit: design.unit ?? undefined } : { type: 'written', layer: 'basic', minutes: 15 }}
      onFinish={(v) => save.mutate({ ...v, unit: v.unit || null })}
    >
      <Form.Item name="title" label={t('hwv.library.field.title')} rules={[{ required: true, min: 2, max: 60 }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="subjectId" label={t('hwv.col.subject')} rules={[{ required: true }]}>
            <Select options={subjects.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="grade" label={t('hwv.library.field.grade')} rules={[{ required: true }]}>
            <Select options={gradeOptions} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="unit" label={t('hwv.library.field.unit')}>
        <Input maxLength={60} placeholder={t('hwv.library.unitPlaceholder')} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="type" label={t('hwv.library.field.type')} rules={[{ required: true }]}>
            <Select options={HOMEWORK_TYPES.map((v) => ({ value: v, label: homeworkTypeLabels[v][locale] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="layer" label={t('hwv.library.field.layer')} rules={[{ required: true }]}>
            <Select options={LAYERS.map((v) => ({ value: v, label: layerLabels[v][locale] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="minutes" label={t('hwv.library.field.minutes')} rules={[{ required: true }]}>
            <InputNumber min={1} max={240} precision={0} style={{ width: '100%' }} suffix={t('hwv.unit.min')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="content" label={t('hwv.library.field.content')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={5} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}

function CollectionForm({ onClose }: { onClose(created?: CollectionRow): void }) {
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
      <Form.Item name="name" label={t('hwv.library.collectionName')} rules={[{ required: true, min: 2, max: 40 }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="description" label={t('hwv.library.collectionDescription')}>
        <Input.TextArea rows={3} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

function DesignDrawer({ id, initial, collections, onEdit, onClose }: { id: string; initial?: DesignRow; collections: CollectionRow[]; onEdit(d: DesignRow): void; onClose(): void }) {
  const { t } = useI18n();
  const { data: me } = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [target, setTarget] = useState<string>();
  const detail = useQuery({ queryKey: hwKey('design', id), queryFn: () => api.get<DesignRow>(`/api/homework/designs/${id}`), initialData: initial });
  const d = detail.data;
  const curator = can(me, 'homework.library.curate');
  const refresh = (next?: DesignRow) => {
    if (next) client.setQueryData(hwKey('design', id), next);
    void client.invalidateQueries({ queryKey: hwKey('designs') });
    void client.invalidateQueries({ queryKey: hwKey('collections') });
    void client.invalidateQueries({ queryKey: hwKey('design', id) });
  };
  const excellent = useSaveMutation({
    form: null,
    mutationFn: (value: boolean) => api.post<DesignRow>(`/api/homework/designs/${id}/excellent`, { excellent: value }),
    saved: (next) => (next.excellent ? t('hwv.library.markedExcellent') : t('hwv.library.unmarkedExcellent')),
    onSuccess: (next) => refresh(next),
  });
  const addTo = useSaveMutation({
    form: null,
    mutationFn: (collectionId: string) => api.post<CollectionRow>(`/api/homework/collections/${collectionId}/designs`, { designId: id }),
    saved: t('hwv.library.added'),
    onSuccess: () => {
      setTarget(undefined);
      refresh();
    },
  });
  const removeFrom = useSaveMutation({
    form: null,
    mutationFn: (collectionId: string) => api.delete<CollectionRow>(`/api/homework/collections/${collectionId}/designs/${id}`),
    saved: t('hwv.library.removed'),
    onSuccess: () => refresh(),
  });
  return (
    <Drawer open onClose={onClose} size={screens.md ? 'large' : '100%'} title={d?.title} data-testid="design-drawer" loading={!d}>
      {d && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Flex gap={8} wrap>
            {hasRole(me, 'teacher') && (
              <Button type="primary" icon={<BookOutlined />} onClick={() => void navigate(`/homework/set?design=${d.id}`)} data-testid="design-use">
                {t('hwv.library.use')}
              </Button>
            )}
            {d.canEdit && (
              <Button icon={<EditOutlined />} onClick={() => onEdit(d)} data-testid="design-edit">
                {t('common.edit')}
              </Button>
            )}
            {d.canCurate && (
              <Button icon={d.excellent ? <StarOutlined /> : <StarFilled style={{ color: '#faad14' }} />} loading={excellent.isPending} onClick={() => excellent.mutate(!d.excellent)} data-testid="design-excellent">
                {d.excellent ? t('hwv.library.unmarkExcellent') : t('hwv.library.markExcellent')}
              </Button>
            )}
          </Flex>
          {d.excellent && (
            <Tag color="gold" icon={<StarFilled />}>
              {t('hwv.library.excellent')}
            </Tag>
          )}
          <Descriptions
            size="small"
            column={screens.md ? 2 : 1}
            bordered
            items={[
              { key: 'subject', label: t('hwv.col.subject'), children: d.subjectName },
              { key: 'grade', label: t('hwv.library.field.grade'), children: gradeNames[d.grade] },
              { key: 'unit', label: t('hwv.library.field.unit'), children: d.unit ?? '–', span: screens.md ? 2 : 1 },
              { key: 'type', label: t('hwv.library.field.type'), children: <TypeTag type={d.type} /> },
              { key: 'layer', label: t('hwv.library.field.layer'), children: <LayerTag layer={d.layer} /> },
              { key: 'minutes', label: t('hwv.library.field.minutes'), children: t('hwv.minutes', { n: d.minutes }) },
              { key: 'author', label: t('hwv.library.author'), children: `${d.authorName}${d.schoolName ? ` · ${d.schoolName}` : ''}` },
              { key: 'created', label: t('hwv.library.created'), children: formatDateTime(d.createdAt) },
            ]}
          />
          <Card size="small" title={t('hwv.library.field.content')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, fontSize: 15 }}>{d.content}</Typography.Paragraph>
          </Card>
          <Card size="small" title={t('hwv.library.collections')}>
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <Space size={[4, 8]} wrap>
                {d.collections.length === 0 && <Typography.Text type="secondary">{t('hwv.library.inNoCollection')}</Typography.Text>}
                {d.collections.map((c) => (
                  <Tag
                    key={c.id}
                    color="blue"
                    icon={<FolderOpenOutlined />}
                    closable={curator}
                    onClose={(e) => {
                      e.preventDefault();
                      removeFrom.mutate(c.id);
                    }}
                    data-testid="design-collection"
                  >
                    {c.name}
                  </Tag>
                ))}
              </Space>
              {curator && (
                <Space.Compact style={{ width: '100%' }}>
                  <Select
                    style={{ flex: 1 }}
                    placeholder={t('hwv.library.chooseCollection')}
                    value={target}
                    onChange={setTarget}
                    options={collections.filter((c) => !d.collections.some((x) => x.id === c.id)).map((c) => ({ value: c.id, label: c.name }))}
                  />
                  <Button type="primary" disabled={!target} loading={addTo.isPending} onClick={() => target && addTo.mutate(target)} data-testid="design-add-collection">
                    {t('hwv.library.addToCollection')}
                  </Button>
                </Space.Compact>
              )}
            </Space>
          </Card>
        </Space>
      )}
    </Drawer>
  );
}

function DesignCard({ d, onOpen }: { d: DesignRow; onOpen(): void }) {
  const { t } = useI18n();
  const card = (
    <Card hoverable onClick={onOpen} data-testid="design-card" style={{ height: '100%' }} styles={{ body: { padding: 16 } }}>
      <Typography.Title level={5} style={{ marginTop: 0, marginBottom: 4, paddingInlineEnd: d.excellent ? 40 : 0 }}>
        {d.title}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {[d.subjectName, gradeNames[d.grade], d.unit].filter(Boolean).join(' · ')}
      </Typography.Text>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '8px 0', color: '#595959' }}>
        {d.content}
      </Typography.Paragraph>
      <Flex justify="space-between" align="center" wrap gap={4}>
        <Space size={0} wrap>
          <TypeTag type={d.type} />
          <LayerTag layer={d.layer} />
        </Space>
        <Typography.Text>{t('hwv.minutes', { n: d.minutes })}</Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
        {d.authorName}
        {d.schoolName ? ` · ${d.schoolName}` : ''}
      </Typography.Text>
      {d.collections.length > 0 && (
        <Space size={[0, 4]} wrap style={{ marginTop: 6 }}>
          {d.collections.map((c) => (
            <Tag key={c.id} icon={<FolderOpenOutlined />} color="blue">
              {c.name}
            </Tag>
          ))}
        </Space>
      )}
    </Card>
  );
  return d.excellent ? (
    <Badge.Ribbon text={t('hwv.library.excellent')} color="gold">
      {card}
    </Badge.Ribbon>
  ) : (
    card
  );
}

export default function LibraryPage() {
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const client = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const [editing, setEditing] = useState<DesignRow | 'new' | null>(null);
  const [newCollection, setNewCollection] = useState(false);
  const curator = can(me, 'homework.library.curate');
  const settled = useDebounced(filters, 300);
  const subjects = useQuery({ queryKey: ['subjects'], queryFn: () => api.get<SubjectRow[]>('/api/subjects') });
  const collections = useQuery({ queryKey: hwKey('collections'), queryFn: () => api.get<CollectionRow[]>('/api/homework/collections') });
  const designs = useQuery({
    queryKey: hwKey('designs', settled, page),
    placeholderData: keepPreviousData,
    queryFn: () =>
      api.get<z.infer<typeof DesignPage>>(
        `/api/homework/designs${qs({
          q: settled.q?.trim(),
          subjectId: settled.subjectId,
          grade: settled.grade,
          type: settled.type,
          layer: settled.layer,
          unit: settled.unit?.trim(),
          excellent: settled.excellent ? '1' : undefined,
          collectionId: settled.collectionId,
          page,
          pageSize: PAGE_SIZE,
        })}`,
      ),
  });
  const change = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const items = designs.data?.items ?? [];
  const active = collections.data?.find((c) => c.id === filters.collectionId);

  return (
    <>
      <PageHeader
        title={t('menu.homework.library')}
        sub={t('hwv.library.sub')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="design-new">
            {t('hwv.library.new')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 12 } }}>
        <Row gutter={[8, 8]}>
          <Col xs={24} md={12} xl={8}>
            <Input.Search
              allowClear
              placeholder={t('hwv.library.searchPlaceholder')}
              value={filters.q}
              onChange={(e) => change({ q: e.target.value })}
              onSearch={(v) => change({ q: v })}
              data-testid="library-search"
              enterButton={t('common.search')}
            />
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Select allowClear style={{ width: '100%' }} placeholder={t('hwv.col.subject')} value={filters.subjectId} onChange={(v?: string) => change({ subjectId: v })} options={subjects.data?.map((s) => ({ value: s.id, label: s.name }))} />
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Select allowClear style={{ width: '100%' }} placeholder={t('hwv.library.field.grade')} value={filters.grade} onChange={(v?: number) => change({ grade: v })} options={gradeOptions} />
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('hwv.library.field.type')}
              value={filters.type}
              onChange={(v?: DesignRow['type']) => change({ type: v })}
              options={HOMEWORK_TYPES.map((v) => ({ value: v, label: homeworkTypeLabels[v][locale] }))}
            />
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('hwv.library.field.layer')}
              value={filters.layer}
              onChange={(v?: DesignRow['layer']) => change({ layer: v })}
              options={LAYERS.map((v) => ({ value: v, label: layerLabels[v][locale] }))}
            />
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Input allowClear placeholder={t('hwv.library.unitFilter')} value={filters.unit} onChange={(e) => change({ unit: e.target.value })} />
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('hwv.library.collectionFilter')}
              value={filters.collectionId}
              onChange={(v?: string) => change({ collectionId: v })}
              options={collections.data?.map((c) => ({ value: c.id, label: `${c.name}（${c.designCount}）` }))}
            />
          </Col>
          <Col xs={24} md={12} xl={8} style={{ display: 'flex', alignItems: 'center' }}>
            <Checkbox checked={!!filters.excellent} onChange={(e) => change({ excellent: e.target.checked || undefined })} data-testid="library-excellent">
              <StarFilled style={{ color: '#faad14' }} /> {t('hwv.library.onlyExcellent')}
            </Checkbox>
          </Col>
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={18}>
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary" data-testid="library-total">
              {active ? `${active.name} · ` : ''}
              {t('hwv.library.total', { n: designs.data?.total ?? 0 })}
            </Typography.Text>
          </Flex>
          {designs.data && items.length === 0 ? (
            <Card>
              <Empty description={t('hwv.library.none')} />
            </Card>
          ) : (
            <Row gutter={[16, 16]} style={{ opacity: designs.isFetching && !designs.isLoading ? 0.6 : 1 }}>
              {items.map((d) => (
                <Col key={d.id} xs={24} md={12} xxl={8}>
                  <DesignCard d={d} onOpen={() => setOpenId(d.id)} />
                </Col>
              ))}
            </Row>
          )}
          {(designs.data?.total ?? 0) > PAGE_SIZE && (
            <Flex justify="center" style={{ marginTop: 16 }}>
              <Pagination current={page} pageSize={PAGE_SIZE} total={designs.data?.total} onChange={setPage} showSizeChanger={false} />
            </Flex>
          )}
        </Col>
        <Col xs={24} xl={6}>
          <Card
            title={t('hwv.library.collections')}
            size="small"
            extra={
              curator && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setNewCollection(true)} data-testid="collection-new">
                  {t('common.create')}
                </Button>
              )
            }
          >
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              {collections.data?.length === 0 && <Typography.Text type="secondary">{t('hwv.library.noCollections')}</Typography.Text>}
              {collections.data?.map((c) => {
                const on = filters.collectionId === c.id;
                return (
                  <Card
                    key={c.id}
                    size="small"
                    hoverable
                    onClick={() => change({ collectionId: on ? undefined : c.id })}
                    style={{ borderColor: on ? '#1677ff' : undefined, background: on ? '#e6f4ff' : undefined }}
                    data-testid="collection"
                  >
                    <Flex justify="space-between" gap={8}>
                      <Typography.Text strong>
                        <FolderOpenOutlined /> {c.name}
                      </Typography.Text>
                      <Tag>{c.designCount}</Tag>
                    </Flex>
                    {c.description && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {c.description}
                      </Typography.Text>
                    )}
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('hwv.library.createdBy', { name: c.createdBy })}
                      </Typography.Text>
                    </div>
                  </Card>
                );
              })}
            </Space>
          </Card>
        </Col>
      </Row>
      {openId && (
        <DesignDrawer id={openId} initial={items.find((d) => d.id === openId)} collections={collections.data ?? []} onEdit={(d) => setEditing(d)} onClose={() => setOpenId(null)} />
      )}
      {editing && (
        <DesignForm
          design={editing === 'new' ? null : editing}
          subjects={subjects.data ?? []}
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              client.setQueryData(hwKey('design', saved.id), saved);
              void client.invalidateQueries({ queryKey: hwKey('designs') });
              if (editing === 'new') setOpenId(saved.id);
            }
          }}
        />
      )}
      {newCollection && (
        <CollectionForm
          onClose={(created) => {
            setNewCollection(false);
            if (created) void client.invalidateQueries({ queryKey: hwKey('collections') });
          }}
        />
      )}
    </>
  );
}
