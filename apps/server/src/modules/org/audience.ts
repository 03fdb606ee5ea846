/**
 * Who an announcement reaches: the active accounts holding one of some roles at some schools and zones, as a subquery
 * other modules insert from in one statement (a district notice's receipts). Exported through index.ts.
 */
import type { Role } from '@shuangjian/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { pgArray } from '../../platform/db';

export interface Audience {
  roles: readonly Role[];
  /** Empty schools and zones: the whole district. */
  schoolIds: readonly string[];
  zoneIds: readonly string[];
}

/**
 * (user_id, school_id): one row per active account holding one of `roles` within the audience. With schools or zones
 * named, a school's staff are in when the school is named or lies in a named zone; a zone's inspector when the zone is
 * named or holds a named school; an institution's administrator when the institution lies in a named zone; district
 * staff only when no school or zone is named. school_id is the school the person is reached for (a school
 * administrator's school first; null for district, zone and institution staff).
 */
export function audienceMembers(districtId: string, audience: Audience): SQL {
  const narrow = audience.schoolIds.length > 0 || audience.zoneIds.length > 0;
  const roles = sql`${pgArray(audience.roles)}::text[]`;
  const schoolIds = sql`${pgArray(audience.schoolIds)}::uuid[]`;
  const zoneIds = sql`${pgArray(audience.zoneIds)}::uuid[]`;
  const within = narrow
    ? sql`and (
        ra.school_id = any(${schoolIds})
        or s.zone_id = any(${zoneIds})
        or (ra.role = 'inspector' and (ra.zone_id = any(${zoneIds})
          or ra.zone_id in (select zone_id from schools where district_id = ${districtId} and id = any(${schoolIds}))))
        or i.zone_id = any(${zoneIds})
      )`
    : sql``;
  return sql`(
    select ra.user_id,
      (array_agg(ra.school_id order by (ra.role = 'school_admin') desc, ra.school_id) filter (where ra.school_id is not null))[1] as school_id
    from role_assignments ra
    join users u on u.district_id = ra.district_id and u.id = ra.user_id and u.status = 'active'
    left join schools s on s.district_id = ra.district_id and s.id = ra.school_id
    left join institutions i on i.district_id = ra.district_id and i.id = ra.institution_id
    where ra.district_id = ${districtId} and ra.role = any(${roles}) ${within}
    group by ra.user_id
  )`;
}
