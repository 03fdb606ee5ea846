/**
 * 布置作业: one item for several classes and days (每日 / 每周计划 / 假期作业天天交清单), with the load check of every target
 * class-day beside the form while the teacher types. ?item=<id> edits an item (PATCH with its version); ?design=<id>
 * starts from a library design.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../../../app/api';
import { PageSpinner } from '../../../components/PageSpinner';
import { hwKey, type Item } from '../components/model';
import { HomeworkForm } from './HomeworkForm';

export default function SetHomeworkPage() {
  const [params] = useSearchParams();
  const itemId = params.get('item');
  const designId = params.get('design');
  const item = useQuery({ queryKey: hwKey('item', itemId), queryFn: () => api.get<Item>(`/api/homework/items/${itemId}`), enabled: !!itemId });
  if (itemId && item.isLoading) return <PageSpinner />;
  if (itemId && item.error) return <Alert type="error" showIcon title={item.error.message} />;
  return <HomeworkForm key={itemId ? `${itemId}@${item.data?.version}` : 'new'} item={item.data} designId={designId} reload={() => void item.refetch()} />;
}
