/** 优质作业资源库: search the district's homework designs, reuse one, write new ones; curators mark excellent designs and group them. */
import { PlusOutlined } from '@ant-design/icons';
import type { DesignPage } from '@shuangjian/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Flex, Pagination, Row, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { api, qs } from '../../../app/api';
import { can, useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { hwKey, useDebounced } from '../components/model';
import { CollectionForm } from './CollectionForm';
import { CollectionList } from './CollectionList';
import { DesignCard } from './DesignCard';
import { DesignDrawer } from './DesignDrawer';
import { DesignForm } from './DesignForm';
import { LibraryFilters } from './LibraryFilters';
import type { CollectionRow, DesignRow, Filters, SubjectRow } from './types';

const PAGE_SIZE = 12;

export default function LibraryPage() {
  const { t } = useI18n();
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
      <LibraryFilters filters={filters} change={change} subjects={subjects.data} collections={collections.data} />
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
          <CollectionList collections={collections.data} active={filters.collectionId} curator={curator} onToggle={(id) => change({ collectionId: id })} onNew={() => setNewCollection(true)} />
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
