/**
 * Providers (query client, antd locale, i18n) and the router. The sign-in page and the public list load on their own;
 * everything behind sign-in (the shell, its menus and pages, the modules' strings) loads once someone is signed in.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { PageSpinner } from '../components/PageSpinner';
import { useMe } from './auth';
import { I18nProvider, useI18n, withModuleMessages } from './i18n';
import LoginPage from './LoginPage';

const SignedIn = lazy(() => withModuleMessages(import('./SignedIn')));
const PublicInstitutionsPage = lazy(() => withModuleMessages(import('../modules/org/PublicInstitutionsPage')));
const PublicAfterSchoolPage = lazy(() => withModuleMessages(import('../modules/after-school/plan/PublicSchoolPage')));
const PublicComplaintPage = lazy(() => withModuleMessages(import('../modules/training/complaints/PublicComplaintPage')));
const PublicTrackPage = lazy(() => withModuleMessages(import('../modules/training/complaints/PublicTrackPage')));
const PublicTimetablePage = lazy(() => withModuleMessages(import('../modules/timetable/PublicPage')));

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: (count, err) => count < 2 && (err as { status?: number }).status === undefined, refetchOnWindowFocus: false } },
});

function Guarded() {
  const { data: me, isPending, isFetching } = useMe();
  const location = useLocation();
  // wait while the person is being read, also when a 401 from before signing in is being replaced
  if (!me && (isPending || isFetching)) return <PageSpinner />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  // a role that needs a second factor and has none: the session may only enrol one (账号安全), then change the password
  if (me.secondFactor.enrolmentRequired && location.pathname !== '/security') return <Navigate to="/security" replace />;
  if (!me.secondFactor.enrolmentRequired && me.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return <SignedIn me={me} />;
}

/** The class that carries the theme's CSS variables (named, so the base below can carry it too). */
const THEME_CLASS = 'sj-theme';

/**
 * The base text style under every page, as antd's App gives it (without App's message, modal and notification parts,
 * loaded apart): colour, font and size, and with antd's hash and variables classes, antd's look for the links inside.
 */
function BaseText({ children }: { children: ReactNode }) {
  const { token, hashId } = theme.useToken();
  return (
    <div className={`${hashId} ${THEME_CLASS}`} style={{ color: token.colorText, fontFamily: token.fontFamily, fontSize: token.fontSize, lineHeight: token.lineHeight }}>
      {children}
    </div>
  );
}

function Localized() {
  const { locale } = useI18n();
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 }, cssVar: { key: THEME_CLASS } }}>
      <BaseText>
        <BrowserRouter>
          <Suspense fallback={<PageSpinner />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              {/* public, no sign-in: the institution white/black list for parents */}
              <Route path="/public/institutions" element={<PublicInstitutionsPage />} />
              {/* public, no sign-in: a school's after-school timetable, courses, fees and today's homework (三单公开) */}
              <Route path="/public/after-school/:schoolId" element={<PublicAfterSchoolPage />} />
              {/* public, no sign-in: report a training institution (举报), and follow a ticket by its code */}
              <Route path="/public/complaints" element={<PublicComplaintPage />} />
              <Route path="/public/complaints/track" element={<PublicTrackPage />} />
              {/* public, no sign-in: a school's published class timetables (晒课表) */}
              <Route path="/public/timetable/:schoolId" element={<PublicTimetablePage />} />
              <Route path="/*" element={<Guarded />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </BaseText>
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
