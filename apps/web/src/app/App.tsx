/** Providers (query client, antd locale, i18n) and the router: sign-in, forced password change, then the shell. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { PageSpinner } from '../components/PageSpinner';
import { useMe } from './auth';
import { I18nProvider, useI18n } from './i18n';
import LoginPage from './LoginPage';
import { mayOpen, routes } from './routes';
import { Shell } from './Shell';

const ChangePasswordPage = lazy(() => import('./ChangePasswordPage'));
const PublicInstitutionsPage = lazy(() => import('../modules/org/PublicInstitutionsPage'));

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: (count, err) => count < 2 && (err as { status?: number }).status === undefined, refetchOnWindowFocus: false } },
});

function Guarded() {
  const { data: me, isLoading } = useMe();
  const location = useLocation();
  const { t } = useI18n();
  if (isLoading) return <PageSpinner />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (me.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return (
    <Shell>
      <Routes>
        <Route path="/password" element={<ChangePasswordPage />} />
        {routes.map((r) => (
          <Route key={r.path} path={r.path} element={mayOpen(r, me) ? <r.page /> : <Result status="403" title={t('forbidden.title')} />} />
        ))}
        <Route path="*" element={<Result status="404" title={t('notFound.title')} />} />
      </Routes>
    </Shell>
  );
}

function Localized() {
  const { locale } = useI18n();
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}>
      <AntApp>
        <BrowserRouter>
          <Suspense fallback={<PageSpinner />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              {/* public, no sign-in: the institution white/black list for parents */}
              <Route path="/public/institutions" element={<PublicInstitutionsPage />} />
              <Route path="/*" element={<Guarded />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Localized />
      </I18nProvider>
    </QueryClientProvider>
  );
}
