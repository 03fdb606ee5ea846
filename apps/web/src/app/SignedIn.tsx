/** Behind sign-in: the shell around the pages of the route table, each page checked against what the person may open. */
import type { Me } from '@shuangjian/contracts';
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { useI18n } from './i18n';
import { MessageProvider } from './message';
import { mayOpen, routes } from './routes';
import { StepUpDialog } from './security/StepUpDialog';
import { Shell } from './Shell';

const ChangePasswordPage = lazy(() => import('./ChangePasswordPage'));
const StatusResult = lazy(() => import('../components/StatusResult'));

export default function SignedIn({ me }: { me: Me }) {
  const { t } = useI18n();
  return (
    <MessageProvider>
      <StepUpDialog />
      <Shell>
        <Routes>
          <Route path="/password" element={<ChangePasswordPage />} />
          {routes.map((r) => (
            <Route key={r.path} path={r.path} element={mayOpen(r, me) ? <r.page /> : <StatusResult status="403" title={t('forbidden.title')} />} />
          ))}
          <Route path="*" element={<StatusResult status="404" title={t('notFound.title')} />} />
        </Routes>
      </Shell>
    </MessageProvider>
  );
}
