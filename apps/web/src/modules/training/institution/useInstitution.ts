/** The institution an institution admin works on: `?institution=` when given, else the first of theirs. */
import { useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';

export function useInstitution() {
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const institutions = me?.institutions ?? [];
  const institution = institutions.find((i) => i.id === params.get('institution')) ?? institutions[0];
  const choose = (id: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('institution', id);
        return next;
      },
      { replace: true },
    );
  return { institutions, institution, choose };
}

/** A figure the answer may carry in a later version (read without widening the contract's type). */
export function optionalFen(o: object | undefined, field: string): number | undefined {
  if (!o || !(field in o)) return undefined;
  const v = (o as Record<string, unknown>)[field];
  return typeof v === 'number' ? v : undefined;
}
