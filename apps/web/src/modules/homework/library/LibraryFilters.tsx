/** The library's search and filters: words, subject, grade, type, layer, unit, collection, excellent only. */
import { StarFilled } from '@ant-design/icons';
import { HOMEWORK_TYPES, homeworkTypeLabels, LAYERS, layerLabels } from '@shuangjian/policy';
import { Card, Checkbox, Col, Input, Row, Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import { type CollectionRow, type DesignRow, type Filters, gradeOptions, type SubjectRow } from './types';

export function LibraryFilters({ filters, change, subjects, collections }: { filters: Filters; change(patch: Partial<Filters>): void; subjects?: SubjectRow[]; collections?: CollectionRow[] }) {
  const { t, locale } = useI18n();
  return (
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
          <Select allowClear style={{ width: '100%' }} placeholder={t('hwv.col.subject')} value={filters.subjectId} onChange={(v?: string) => change({ subjectId: v })} options={subjects?.map((s) => ({ value: s.id, label: s.name }))} />
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
            options={collections?.map((c) => ({ value: c.id, label: `${c.name}（${c.designCount}）` }))}
          />
        </Col>
        <Col xs={24} md={12} xl={8} style={{ display: 'flex', alignItems: 'center' }}>
          <Checkbox checked={!!filters.excellent} onChange={(e) => change({ excellent: e.target.checked || undefined })} data-testid="library-excellent">
            <StarFilled style={{ color: '#faad14' }} /> {t('hwv.library.onlyExcellent')}
          </Checkbox>
        </Col>
      </Row>
    </Card>
  );
}
