/** Queries more than one homework page (and the home page) reads. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { hwKey, type TodoRow } from './model';

/** GET /api/homework/todo: drafts, returned items, content to check, days to coordinate and to approve. */
export const useTodo = (enabled = true) => useQuery({ queryKey: hwKey('todo'), queryFn: () => api.get<TodoRow>('/api/homework/todo'), enabled });
