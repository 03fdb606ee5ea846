/** A table row's actions as small links: edit, the row's own actions, and delete once confirmed. */
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../app/i18n';

/** A small link that acts only after "OK" in a confirmation bubble. */
export function ConfirmLink({
  confirm,
  onConfirm,
  confirmLoading,
  danger,
  icon,
  loading,
  children,
}: {
  confirm: ReactNode;
  onConfirm: () => void;
  /** The bubble's OK button spins (while the action runs). */
  confirmLoading?: boolean;
  danger?: boolean;
  icon?: ReactNode;
  loading?: boolean;
  children: ReactNode;
}) {
  return (
    <Popconfirm title={confirm} onConfirm={onConfirm} okButtonProps={confirmLoading === undefined ? undefined : { loading: confirmLoading }}>
      <Button type="link" size="small" danger={danger} icon={icon} loading={loading}>
        {children}
      </Button>
    </Popconfirm>
  );
}

export function RowActions({
  onEdit,
  remove,
  icons,
  wrap,
  children,
}: {
  onEdit?: () => void;
  /** Delete after `confirm`; with `blocked`, the delete link is disabled and says why. */
  remove?: { confirm: ReactNode; onConfirm: () => void; blocked?: ReactNode };
  /** Edit and delete show their icons. */
  icons?: boolean;
  wrap?: boolean;
  /** The row's own actions, between edit and delete. */
  children?: ReactNode;
}) {
  const t = useT();
  const deleteIcon = icons ? <DeleteOutlined /> : undefined;
  return (
    <Space size={0} wrap={wrap}>
      {onEdit && (
        <Button type="link" size="small" icon={icons ? <EditOutlined /> : undefined} onClick={onEdit}>
          {t('common.edit')}
        </Button>
      )}
      {children}
      {remove &&
        (remove.blocked ? (
          <Tooltip title={remove.blocked}>
            <Button type="link" size="small" danger disabled icon={deleteIcon}>
              {t('common.delete')}
            </Button>
          </Tooltip>
        ) : (
          <ConfirmLink confirm={remove.confirm} onConfirm={remove.onConfirm} danger icon={deleteIcon}>
            {t('common.delete')}
          </ConfirmLink>
        ))}
    </Space>
  );
}
