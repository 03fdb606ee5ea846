/**
 * The child a parent is looking at, shared by the parent's pages: `?child=` when given, else the last one chosen on
 * this device, else the first. Choosing one remembers it, so the tab bar's plain links open the same child.
 */
import { useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';

const KEY = 'sj.child';

export function useChild() {
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const children = me?.children ?? [];
  const wanted = params.get('child') ?? localStorage.getItem(KEY);
  const child = children.find((c) => c.id === wanted) ?? children[0];
  const choose = (id: string) => {
    localStorage.setItem(KEY, id);
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('child', id);
        return next;
      },
      { replace: true },
    );
  };
  return { children, child, choose };
}
