/** One design in full: use it (teachers), edit it (its author), mark it excellent and file it into collections (curators). */
import { BookOutlined, EditOutlined, FolderOpenOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import { gradeNames } from '@shuangjian/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Drawer, Flex, Grid, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../../app/api';
import { can, hasRole, useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { hwKey } from '../components/model';
import { LayerTag, TypeTag } from '../components/tags';
import type { CollectionRow, DesignRow } from './types';

export function DesignDrawer({ id, initial, collections, onEdit, onClose }: { id: string; initial?: DesignRow; collections: CollectionRow[]; onEdit(d: DesignRow): void; onClose(): void }) {
  const tz = useTimeZone();
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
              { key: 'created', label: t('hwv.library.created'), children: formatDateTime(d.createdAt, tz) },
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
