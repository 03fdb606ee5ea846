/** The signed-in person (GET /api/me) and what they may open. */
import { type Me, type Permission, type Role, rolesHave } from '@shuangjian/contracts';
import { DEFAULT_TIME_ZONE } from '@shuangjian/policy';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, type ApiError } from './api';

/** The one definition of the `['me']` query: read by useMe, filled by the sign-in page before it leaves. */
export const meQuery = {
  queryKey: ['me'],
  queryFn: () => api.get<Me>('/api/me'),
  retry: false,
  staleTime: 60_000,
} as const;

export function useMe() {
  const client = useQueryClient();
  const query = useQuery<Me, ApiError>(meQuery);
  useEffect(() => {
    const onSignedOut = () => client.setQueryData(['me'], null);
    window.addEventListener('sj:signed-out', onSignedOut);
    return () => window.removeEventListener('sj:signed-out', onSignedOut);
  }, [client]);
  return query;
}

/** The signed-in person's district's time zone: every date and time on the pages is read in it. */
export function useTimeZone(): string {
  return useMe().data?.district.timezone ?? DEFAULT_TIME_ZONE;
}

export function can(me: Pick<Me, 'roles'> | null | undefined, permission: Permission): boolean {
  return !!me && rolesHave(me.roles, permission);
}

export function hasRole(me: Pick<Me, 'roles'> | null | undefined, ...roles: Role[]): boolean {
  return !!me && me.roles.some((r) => roles.includes(r));
}
