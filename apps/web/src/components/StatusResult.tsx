/** A whole-page answer (not allowed, not found) with antd's illustration, loaded only when one is shown. */
import { Result, type ResultProps } from 'antd';

export default function StatusResult({ status, title }: { status: ResultProps['status']; title: string }) {
  return <Result status={status} title={title} />;
}
