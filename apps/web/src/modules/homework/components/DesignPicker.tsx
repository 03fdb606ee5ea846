/** 从资源库选用: searches the homework library (优质作业资源库) and hands the chosen design to the form. */
import { StarFilled } from '@ant-design/icons';
import { gradeNames } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Flex, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, qs } from '../../../app/api';
import { useT } from '../../../app/i18n';
import { useSubjects } from '../../org/queries';
import { type DesignRow, hwKey } from './model';
import { LayerTag, TypeTag } from './tags';

export function DesignPicker({
  open,
  onClose,
  onPick,
  subjectId,
  grade,
}: {
  open: boolean;
  onClose: () => void;
  onPick: (design: DesignRow) => void;
  subjectId?: string;
  grade?: number;
}) {
  const t = useT();
  const subjects = useSubjects(open);
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<{ subjectId?: string; grade?: number } | null>(null);
  // until the teacher changes them, the filters follow the form's subject and grade
  const current = filters ?? { subjectId, grade };
  const params = { q: q.trim() || undefined, subjectId: current.subjectId, grade: current.grade, pageSize: 30 };
  const designs = useQuery({
    queryKey: hwKey('designs', params),
    queryFn: () => api.get<{ items: DesignRow[]; total: number }>(`/api/homework/designs${qs(params)}`),
    enabled: open,
    placeholderData: (prev) => prev,
  });
  return (
    <Drawer open={open} onClose={onClose} title={t('hw.library.pick')} size={560} destroyOnHidden>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('hw.library.searchHint')} onSearch={(v) => setQ(v)} style={{ width: 220 }} data-testid="design-search" />
        <Select
          allowClear
          placeholder={t('hw.field.subject')}
          value={current.subjectId}
          onChange={(v: string | undefined) => setFilters({ ...current, subjectId: v })}
          options={subjects.data?.map((s) => ({ value: s.id, label: s.name }))}
          style={{ width: 120 }}
        />
        <Select
          allowClear
          placeholder={t('hw.library.grade')}
          value={current.grade}
          onChange={(v: number | undefined) => setFilters({ ...current, grade: v })}
          options={gradeNames.slice(1).map((label, i) => ({ value: i + 1, label }))}
          style={{ width: 110 }}
        />
      </Flex>
      <List
        loading={designs.isFetching}
        dataSource={designs.data?.items}
        locale={{ emptyText: t('hw.library.empty') }}
        renderItem={(d) => (
          <List.Item
            actions={[
              <Button key="use" type="primary" size="small" onClick={() => onPick(d)} data-testid="design-use">
                {t('hw.library.use')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  {d.excellent && <StarFilled style={{ color: '#faad14' }} aria-label={t('hw.library.excellent')} />}
                  <span>{d.title}</span>
                </Space>
              }
              description={
                <>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4, color: 'rgba(0,0,0,.75)' }}>
                    {d.content}
                  </Typography.Paragraph>
                  <Space size={0} wrap>
                    <Tag>{d.subjectName}</Tag>
                    <Tag>{gradeNames[d.grade]}</Tag>
                    <TypeTag type={d.type} />
                    <LayerTag layer={d.layer} />
                    <Tag>{t('hw.minutes', { n: d.minutes })}</Tag>
                    {d.unit && <Typography.Text type="secondary">{d.unit}</Typography.Text>}
                  </Space>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {d.authorName}
                      {d.schoolName ? ` · ${d.schoolName}` : ''}
                    </Typography.Text>
                  </div>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Drawer>
  );
}
