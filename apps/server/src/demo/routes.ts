/** The sign-in page's list of demo accounts, answered only while the demo district exists. */
import { DemoAccounts } from '@shuangjian/contracts';
import type { App, ModuleDeps } from '../platform/http';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, hasDemoDistrict } from './seed';

export function registerDemoRoutes(app: App, { database }: ModuleDeps) {
  app.get(
    '/api/auth/demo-accounts',
    { schema: { tags: ['auth'], summary: '演示账号（仅演示数据已加载时）', response: { 200: DemoAccounts }, security: [] }, config: { public: true } },
    async () => {
      const demo = await hasDemoDistrict(database.db);
      return { accounts: demo ? DEMO_ACCOUNTS.map((a) => ({ ...a, password: DEMO_PASSWORD })) : [] };
    },
  );
}
