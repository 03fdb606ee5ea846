/** Create or edit a student; choosing another class is a class transfer (调班). */
import { CODE_MAX, GENDERS, HOME_ADDRESS_MAX, PERSON_NAME_MAX, STUDENT_STATUSES } from '@shuangjian/contracts';
import { ID_NUMBER_LENGTH, idNumberBirthDate, idNumberProblem, normalizeIdNumber } from '@shuangjian/policy';
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { api } from '../../app/api';
import { useT } from '../../app/i18n';
import { FormModal } from '../../components/FormModal';
import { useSaveMutation } from '../../components/useSaveMutation';
import { type StudentDetailRow, type StudentRow, useClasses, useSchools } from './queries';

interface FormValues {
  schoolId: string;
  classId: string;
  studentNo: string;
  name: string;
  gender: StudentRow['gender'];
  birthDate: Dayjs;
  status?: StudentRow['status'];
  idNumber?: string | null;
  address?: string | null;
}

/** The ID number's problem as the server words it (policy's rule), or the birth date it disagrees with. */
function idNumberError(value: string, birthDate: Dayjs | undefined, t: ReturnType<typeof useT>): string | null {
  const id = normalizeIdNumber(value);
  const problem = idNumberProblem(id);
  if (problem) return t(`org.student.idNumber.${problem}`);
  const born = idNumberBirthDate(id)!;
  if (birthDate && born !== birthDate.format('YYYY-MM-DD')) return t('org.student.idNumber.mismatch', { born });
  return null;
}

/** `student` null = closed, 'new' = create (in `defaults` school/class when known). */
export function StudentFormModal({
  student,
  defaults,
  onClose,
  onSaved,
  name,
}: {
  /** The form's name: field ids are prefixed with it, so two of these forms on one page keep their labels apart. */
  name: string;
  student: StudentRow | 'new' | null;
  defaults?: { schoolId?: string; classId?: string };
  onClose: () => void;
  onSaved: (s: StudentDetailRow) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const schools = useSchools();
  const schoolId = Form.useWatch('schoolId', form);
  const classes = useClasses(schoolId);

  useEffect(() => {
    if (student === null) return;
    form.resetFields();
    if (student === 'new') form.setFieldsValue({ schoolId: defaults?.schoolId ?? schools.data?.[0]?.id, classId: defaults?.classId, gender: 'M' });
    else form.setFieldsValue({ ...student, birthDate: dayjs(student.birthDate) });
    // open once per student: the school list arriving later must not reset what was typed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [student]);

  // what the server sent: a masked value sent back unchanged would be refused, so an untouched field is left out
  const shown = student && student !== 'new' ? { idNumber: student.idNumber, address: student.address } : { idNumber: null, address: null };
  const masked = student && student !== 'new' && student.identityMasked;
  const untouched = (field: 'idNumber' | 'address', value: string | null | undefined) => student !== 'new' && (value ?? '') === (shown[field] ?? '');

  const save = useSaveMutation({
    form,
    mutationFn: ({ schoolId: _s, birthDate, idNumber, address, ...v }: FormValues) => {
      const body = {
        ...v,
        birthDate: birthDate.format('YYYY-MM-DD'),
        ...(untouched('idNumber', idNumber) ? {} : { idNumber: idNumber?.trim() || null }),
        ...(untouched('address', address) ? {} : { address: address?.trim() || null }),
      };
      return student === 'new' ? api.post<StudentDetailRow>('/api/students', body) : api.patch<StudentDetailRow>(`/api/students/${(student as StudentRow).id}`, body);
    },
    saved: (s) => (student !== 'new' && student && s.classId !== student.classId ? t('org.students.transferred', { name: s.className }) : t('common.saved')),
    onSuccess: (s) => onSaved(s),
  });

  return (
    <FormModal
      open={student !== null}
      title={student === 'new' ? t('org.students.new') : t('org.students.edit')}
      onCancel={onClose}
      form={form}
      name={name}
      loading={save.isPending}
      onFinish={(v) => save.mutate(v)}
      destroyOnHidden={false}
      forceRender
    >
      <Form.Item name="schoolId" label={t('org.school.name')} rules={[{ required: true }]} hidden={(schools.data?.length ?? 0) < 2}>
        <Select options={schools.data?.map((s) => ({ value: s.id, label: s.name }))} onChange={() => form.setFieldsValue({ classId: undefined })} />
      </Form.Item>
      <Form.Item
        name="classId"
        label={t('org.student.class')}
        rules={[{ required: true }]}
        extra={student !== 'new' ? t('org.students.transferHint') : undefined}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={classes.isLoading}
          options={classes.data?.map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      <Form.Item name="studentNo" label={t('org.student.no')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={CODE_MAX} />
      </Form.Item>
      <Form.Item name="name" label={t('org.student.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={PERSON_NAME_MAX} />
      </Form.Item>
      <Form.Item name="gender" label={t('org.student.gender')} rules={[{ required: true }]}>
        <Radio.Group options={GENDERS.map((g) => ({ value: g, label: t(`org.gender.${g}`) }))} />
      </Form.Item>
      <Form.Item name="birthDate" label={t('org.student.birthDate')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('org.student.idNumber')}
        dependencies={['birthDate']}
        extra={masked && shown.idNumber ? t('org.student.identity.maskedHint') : t('org.student.idNumber.hint')}
        rules={[
          {
            validator: (_, value: string | null | undefined) => {
              if (!value?.trim() || untouched('idNumber', value)) return Promise.resolve();
              const error = idNumberError(value, form.getFieldValue('birthDate') as Dayjs | undefined, t);
              return error ? Promise.reject(new Error(error)) : Promise.resolve();
            },
          },
        ]}
      >
        <Input maxLength={ID_NUMBER_LENGTH} autoComplete="off" style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item name="address" label={t('org.student.address')} extra={masked && shown.address ? t('org.student.identity.maskedHint') : undefined}>
        <Input.TextArea maxLength={HOME_ADDRESS_MAX} autoSize={{ minRows: 1, maxRows: 3 }} autoComplete="off" />
      </Form.Item>
      {student !== 'new' && (
        <Form.Item name="status" label={t('org.student.status')}>
          <Select options={STUDENT_STATUSES.map((s) => ({ value: s, label: t(`org.student.status.${s}`) }))} />
        </Form.Item>
      )}
    </FormModal>
  );
}
