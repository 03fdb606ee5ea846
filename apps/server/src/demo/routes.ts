/** The sign-in page's list of demo accounts, answered only while the demo district exists. */
import { DemoAccounts } from '@shuangjian/contracts';
import { eq } from 'drizzle-orm';
import type { App, ModuleDeps } from '../platform/http';
import { districts } from '../platform/schema';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed';

export function registerDemoRoutes(app: App, { database }: ModuleDeps) {
  app.get(
    '/api/auth/demo-accounts',
    { schema: { tags: ['auth'], summary: '演示账号（仅演示数据已加载时）', response: { 200: DemoAccounts }, security: [] }, config: { public: true } },
    async () => {
      const [demo] = await database.db.select({ id: districts.id }).from(districts).where(eq(districts.demo, true)).limit(1);
      return { accounts: demo ? DEMO_ACCOUNTS.map((a) => ({ ...a, password: DEMO_PASSWORD })) : [] };
    },
  );
}
