/** A demo account acting through the services, as a signed-in request of that account would at `at`. */
import type { Role } from '@shuangjian/contracts';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../platform/access';
import { NO_CHANNELS } from '../platform/channels';
import { type Db, rowsOf } from '../platform/db';
import { districts, users } from '../platform/schema';
import { resolveGrants } from '../modules/org';

export async function demoCtx(db: Db, districtId: string, username: string, at: Date): Promise<Ctx | null> {
  const [user] = await db.select().from(users).where(and(eq(users.districtId, districtId), eq(users.username, username)));
  const [district] = await db.select().from(districts).where(eq(districts.id, districtId));
  if (!user || !district) return null;
  const grants = await resolveGrants(db, { id: user.id, districtId });
  const roles = [...new Set(grants.map((g) => g.role))] as Role[];
  return {
    db,
    readDb: db,
    user: { id: user.id, districtId, username: user.username, name: user.name, phone: null, mustChangePassword: false, timeZone: district.timezone },
    roles,
    grants,
    actor: { districtId, userId: user.id, userName: user.name, roles, ip: null, requestId: null },
    now: () => at,
    channels: NO_CHANNELS,
    prepared: (query) => rowsOf(db, query),
    sessions: { forgetUser: async () => undefined, revokeUser: async () => undefined },
  };
}
