/** The signed-in person (GET /api/me) and what they may open. */
import { type Me, type Permission, type Role, rolesHave } from '@shuangjian/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, ApiError } from './api';

export function useMe() {
  const client = useQueryClient();
  const query = useQuery<Me, ApiError>({
    queryKey: ['me'],
    queryFn: () => api.get<Me>('/api/me'),
    retry: false,
    staleTime: 60_000,
  });
  useEffect(() => {
    const onSignedOut = () => client.setQueryData(['me'], null);
    window.addEventListener('sj:signed-out', onSignedOut);
    return () => window.removeEventListener('sj:signed-out', onSignedOut);
  }, [client]);
  return query;
}

export function can(me: Pick<Me, 'roles'> | null | undefined, permission: Permission): boolean {
  return !!me && rolesHave(me.roles, permission);
}

export function hasRole(me: Pick<Me, 'roles'> | null | undefined, ...roles: Role[]): boolean {
  return !!me && me.roles.some((r) => roles.includes(r));
}
