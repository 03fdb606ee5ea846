/** The institution's courses with their rule findings; drafts and returned courses are edited and submitted. */
import { PlusOutlined } from '@ant-design/icons';
import { lessonModeLabels, type RegistryCourse, type RegistryFile, trainingSubtypeLabels } from '@shuangjian/contracts';
import { Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { RuleFindings } from '../components/RuleFindings';
import { CourseDialog } from './CourseDialog';
import { FilingTag, useYuan } from './labels';
import { useRegistryWrites } from './queries';

const open = (s: string) => s === 'draft' || s === 'returned';

export function CoursesTab({ file, editable }: { file: RegistryFile; editable: boolean }) {
  const { t, locale } = useI18n();
  const yuan = useYuan();
  const writes = useRegistryWrites();
  const [editing, setEditing] = useState<RegistryCourse | 'new' | null>(null);
  const submit = useSaveMutation({ form: null, mutationFn: (id: string) => writes.submitCourse(id), saved: t('training.reg.submitted') });
  const operating = file.profile.status === 'active' || file.profile.status === 'rectifying';
  return (
    <>
      {editable && operating && (
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }} data-testid="course-add">
          {t('training.reg.add')}
        </Button>
      )}
      <Table<RegistryCourse>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={file.courses}
        scroll={{ x: 900 }}
        expandable={{
          rowExpandable: (c) => c.findings.length > 0 || !!c.reviewNote,
          expandedRowRender: (c) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {c.reviewNote && <Typography.Text type="warning">{t('training.reg.reviewNote', { note: c.reviewNote })}</Typography.Text>}
              <RuleFindings findings={c.findings} compact />
            </Space>
          ),
        }}
        columns={[
          { title: t('training.reg.course.name'), dataIndex: 'name' },
          { title: t('training.reg.course.subtype'), dataIndex: 'subtype', render: (v: RegistryCourse['subtype']) => trainingSubtypeLabels[v][locale] },
          { title: t('training.reg.course.mode'), key: 'm', render: (_, c) => `${lessonModeLabels[c.mode][locale]} ${c.lessonMinutes}′` },
          { title: t('training.reg.course.size'), dataIndex: 'maxClassSize', align: 'right' },
          { title: t('training.reg.course.price'), key: 'p', align: 'right', render: (_, c) => yuan(c.pricePerLessonFen) },
          { title: t('training.reg.filingStatus'), key: 's', render: (_, c) => <FilingTag status={c.status} /> },
          ...(editable
            ? [
                {
                  title: t('training.reg.actions'),
                  key: 'a',
                  render: (_: unknown, c: RegistryCourse) =>
                    open(c.status) && (
                      <Space size={4}>
                        <Button size="small" onClick={() => setEditing(c)}>{t('training.reg.edit')}</Button>
                        <Button size="small" type="primary" onClick={() => submit.mutate(c.id)} data-testid={`course-submit-${c.name}`}>
                          {t('training.reg.submit')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <CourseDialog
          key={editing === 'new' ? 'new' : editing.id}
          institutionId={file.profile.institutionId}
          subjectAllowed={file.profile.category === 'subject'}
          course={editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
