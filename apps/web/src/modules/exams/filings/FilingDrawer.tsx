/**
 * The filing form in a drawer: name, semester, grades, subjects, type, form, date, note. The server judges it by the
 * exam rules in force on the exam's date; a refusal stays on screen with each rule in words and its policy version.
 */
import { EXAM_FORMS, EXAM_NAME_MAX, EXAM_NOTE_MAX, EXAM_TYPES, type ExamFiling, type ExamFilingInput, type ExamRuleFinding, examFormLabels, examTypeLabels } from '@shuangjian/contracts';
import { Alert, Button, Checkbox, DatePicker, Drawer, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { ApiError } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { ExamFindings } from './ExamFindings';
import { type SemesterOption, useFilingWrites, useSubjectOptions } from './queries';

interface Values {
  semesterId: string;
  name: string;
  grades: number[];
  subjectIds: string[];
  type: ExamFiling['type'];
  form: ExamFiling['form'];
  date: Dayjs;
  note?: string;
}

export interface FilingDrawerProps {
  open: boolean;
  onClose: () => void;
  /** The school filed for; null: the district's own filing. */
  schoolId: string | null;
  grades: number[];
  semesters: SemesterOption[];
  semesterId: string | undefined;
  today: string;
  editing: ExamFiling | null;
}

export function FilingDrawer(props: FilingDrawerProps) {
  const { t } = useI18n();
  // destroyOnHidden: the form inside is mounted afresh on every opening, with its own values and no old refusal
  return (
    <Drawer open={props.open} onClose={props.onClose} title={t(props.editing ? 'exams.filings.edit' : 'exams.filings.new')} size="large" destroyOnHidden data-testid="filing-drawer">
      <FilingForm {...props} />
    </Drawer>
  );
}

function FilingForm({ onClose, schoolId, grades, semesters, semesterId, today, editing }: FilingDrawerProps) {
  const { t, locale } = useI18n();
  const toast = useMessage();
  const [form] = Form.useForm<Values>();
  const subjects = useSubjectOptions();
  const writes = useFilingWrites();
  const [refusal, setRefusal] = useState<ExamRuleFinding[] | null>(null);
  const pending = writes.file.isPending || writes.update.isPending;

  const initialValues: Partial<Values> = editing
    ? { ...editing, subjectIds: editing.subjects.map((s) => s.id), date: dayjs(editing.date), note: editing.note ?? undefined }
    : { semesterId, type: 'unit', form: 'non_paper', grades: [], subjectIds: [] };
  const chosenSemester = Form.useWatch('semesterId', form);
  // a refusal appears below the form: bring it into view (a stable ref callback runs once, when it appears)
  const showRefusal = useCallback((el: HTMLDivElement | null) => el?.scrollIntoView({ block: 'nearest' }), []);

  const submit = (v: Values) => {
    setRefusal(null);
    const body: ExamFilingInput = { schoolId, semesterId: v.semesterId, name: v.name, grades: v.grades, subjectIds: v.subjectIds, type: v.type, form: v.form, date: v.date.format('YYYY-MM-DD'), note: v.note ?? null };
    const handlers = {
      onSuccess: () => {
        toast.success(t(editing ? 'exams.filings.saved' : 'exams.filings.filed'));
        onClose();
      },
      onError: (e: Error) => {
        const findings = e instanceof ApiError ? (e.details as { findings?: ExamRuleFinding[] } | undefined)?.findings : undefined;
        if (findings) setRefusal(findings);
        else toast.error(e.message);
      },
    };
    if (editing) writes.update.mutate({ id: editing.id, body }, handlers);
    else writes.file.mutate(body, handlers);
  };

  const semester = semesters.find((s) => s.id === chosenSemester);
  const outside = (d: Dayjs) => {
    const ymd = d.format('YYYY-MM-DD');
    return ymd <= today || (!!semester && (ymd < semester.startDate || ymd > semester.endDate));
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={submit} data-testid="filing-form">
        <Form.Item name="name" label={t('exams.filings.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={EXAM_NAME_MAX} data-testid="filing-name" />
        </Form.Item>
        <Form.Item name="semesterId" label={t('exams.filings.semester')} rules={[{ required: true }]}>
          <Select options={semesters.map((s) => ({ value: s.id, label: s.name }))} data-testid="filing-semester" />
        </Form.Item>
        <Form.Item name="grades" label={t('exams.filings.grades')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group options={grades.map((g) => ({ value: g, label: t('exams.filings.grade', { g }) }))} data-testid="filing-grades" />
        </Form.Item>
        <Form.Item name="subjectIds" label={t('exams.filings.subjects')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Select mode="multiple" optionFilterProp="label" options={subjects.data?.map((s) => ({ value: s.id, label: s.name }))} data-testid="filing-subjects" />
        </Form.Item>
        <Form.Item name="type" label={t('exams.filings.type')} rules={[{ required: true }]}>
          <Select options={EXAM_TYPES.map((x) => ({ value: x, label: examTypeLabels[x][locale] }))} data-testid="filing-type" />
        </Form.Item>
        <Form.Item name="form" label={t('exams.filings.form')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={EXAM_FORMS.map((x) => ({ value: x, label: examFormLabels[x][locale] }))} data-testid="filing-form-kind" />
        </Form.Item>
        <Form.Item name="date" label={t('exams.filings.date')} rules={[{ required: true }]}>
          <DatePicker inputReadOnly disabledDate={outside} style={{ width: '100%' }} data-testid="filing-date" />
        </Form.Item>
        <Form.Item name="note" label={t('exams.filings.note')}>
          <Input.TextArea maxLength={EXAM_NOTE_MAX} autoSize={{ minRows: 2 }} />
        </Form.Item>
        {refusal && (
          <div ref={showRefusal} style={{ marginBottom: 16 }} data-testid="filing-refused">
            <Alert type="error" title={<Typography.Text strong>{t('exams.filings.refused')}</Typography.Text>} style={{ marginBottom: 8 }} />
            <ExamFindings findings={refusal} />
          </div>
        )}
        <Button type="primary" htmlType="submit" block loading={pending} data-testid="filing-submit">
          {t('exams.filings.submit')}
        </Button>
    </Form>
  );
}
