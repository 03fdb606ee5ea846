/** Creates a district (if its code is new, in its time zone) and a district administrator; prints the initial password once. */
import { parseArgs } from 'node:util';
import { DEFAULT_TIME_ZONE } from '@shuangjian/policy';
import { eq } from 'drizzle-orm';
import { audit, systemActor } from '../platform/audit';
import { generatePassword, hashPassword } from '../platform/auth/password';
import { configFromEnv } from '../platform/config';
import { isPostgresUrl, openDatabase } from '../platform/db';
import { acquireDataDirLock } from '../platform/lock';
import { districts, users } from '../platform/schema';
import { roleAssignments } from '../modules/org/schema';

const { values } = parseArgs({
  options: {
    'district-code': { type: 'string' },
    'district-name': { type: 'string' },
    username: { type: 'string', default: 'admin' },
    name: { type: 'string', default: '区教育局管理员' },
    phone: { type: 'string' },
    timezone: { type: 'string', default: DEFAULT_TIME_ZONE },
  },
});

async function main() {
  const code = values['district-code'];
  const districtName = values['district-name'];
  if (!code) throw new Error('缺少 --district-code（区县代码，如 140105）');
  const config = configFromEnv();
  const release = isPostgresUrl(config.databaseUrl) ? () => {} : await acquireDataDirLock(config.databaseUrl, 'command');
  const database = await openDatabase(config.databaseUrl, { ownerUrl: config.databaseOwnerUrl });
  try {
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    await database.db.transaction(async (tx) => {
      let [district] = await tx.select().from(districts).where(eq(districts.code, code));
      if (!district) {
        if (!districtName) throw new Error('新区县须提供 --district-name');
        const timezone = values.timezone!;
        if (!Intl.supportedValuesOf('timeZone').includes(timezone)) throw new Error(`--timezone ${timezone} 不是有效的时区（如 Asia/Shanghai、Asia/Urumqi）`);
        [district] = await tx.insert(districts).values({ code, name: districtName, timezone }).returning();
      }
      const [user] = await tx
        .insert(users)
        .values({ districtId: district!.id, username: values.username!, name: values.name!, phone: values.phone ?? null, passwordHash, mustChangePassword: true })
        .returning();
      await tx.insert(roleAssignments).values({ districtId: district!.id, userId: user!.id, role: 'district_admin' });
      await audit(tx, systemActor(district!.id, 'admin:create'), { action: 'staff.create', entity: 'user', entityId: user!.id, after: { username: user!.username, role: 'district_admin' } });
      console.log(`区县：${district!.name}（${district!.code}）`);
    });
    console.log(`管理员账号：${values.username}`);
    console.log(`初始密码：${password}（首次登录须修改）`);
  } finally {
    await database.close();
    release();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
