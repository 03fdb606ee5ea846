/** A dialog around one vertical form (OK submits it), and the create/edit state of a list page that opens it. */
import { Form, type FormInstance, type FormProps, Modal, type ModalProps } from 'antd';
import { type ReactNode, useState } from 'react';
import { useSaveMutation } from './useSaveMutation';

/** Closed dialogs drop their form unless `destroyOnHidden={false}` (with `forceRender`, for a form filled before it opens). */
export function FormModal<V>({
  form,
  loading,
  onFinish,
  name,
  initialValues,
  preserve,
  intro,
  children,
  ...modal
}: Omit<ModalProps, 'onOk' | 'confirmLoading' | 'children'> & {
  form: FormInstance<V>;
  /** The save is running: the OK button spins. */
  loading: boolean;
  onFinish: (values: V) => void;
  /** The form's name: field ids are prefixed with it, so two forms on one page keep their labels apart. */
  name?: string;
  initialValues?: FormProps<V>['initialValues'];
  preserve?: boolean;
  /** Above the form: what it is about, or a warning. */
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Modal destroyOnHidden {...modal} onOk={() => form.submit()} confirmLoading={loading}>
      {intro}
      <Form<V> form={form} name={name} layout="vertical" initialValues={initialValues} preserve={preserve} onFinish={onFinish}>
        {children}
      </Form>
    </Modal>
  );
}

type FieldValues<V> = Parameters<FormInstance<V>['setFieldsValue']>[0];

/**
 * The create/edit dialog of a list page: `open('new')` or `open(row)` fills the form and shows it; a save closes it
 * and calls `onSaved` (refresh the lists). Spread `modal` on a FormModal.
 */
export function useEditDialog<Row, V>({
  save,
  fill,
  onSaved,
}: {
  save: (values: V, row: Row | 'new') => Promise<unknown>;
  /** The form's values when it opens (none: the form's own blanks). */
  fill: (row: Row | 'new') => FieldValues<V> | undefined;
  onSaved: () => void;
}) {
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [form] = Form.useForm<V>();
  const mutation = useSaveMutation({
    form,
    // the form submits only while the dialog is open, so something is being edited
    mutationFn: (values: V) => save(values, editing as Row | 'new'),
    onSuccess: () => {
      setEditing(null);
      onSaved();
    },
  });
  const open = (row: Row | 'new') => {
    setEditing(row);
    form.resetFields();
    const values = fill(row);
    if (values) form.setFieldsValue(values);
  };
  return {
    editing,
    open,
    form,
    modal: { open: editing !== null, onCancel: () => setEditing(null), form, loading: mutation.isPending, onFinish: (v: V) => mutation.mutate(v) },
  };
}
