/**
 * UI language: zh-CN first, English available. Each module keeps its strings in its own messages file; the sign-in
 * page needs only the shell's, so the modules' strings load with the first page behind it (withModuleMessages).
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { appMessages } from './messages';

export type Locale = 'zh-CN' | 'en';
export type Messages = Record<string, string>;

const dictionaries: Record<Locale, Messages> = {
  'zh-CN': { ...appMessages['zh-CN'] },
  en: { ...appMessages.en },
};

let modulesLoaded: Promise<void> | undefined;

/** Adds every module's strings to the dictionaries (once). */
export function loadModuleMessages(): Promise<void> {
  modulesLoaded ??= import('../modules/messages').then(({ moduleMessages }) => {
    Object.assign(dictionaries['zh-CN'], moduleMessages['zh-CN']);
    Object.assign(dictionaries.en, moduleMessages.en);
  });
  return modulesLoaded;
}

/** Adds a part's strings that travel with its own pages (imported by them) rather than with every module's. */
export function addMessages(messages: Record<Locale, Messages>): void {
  Object.assign(dictionaries['zh-CN'], messages['zh-CN']);
  Object.assign(dictionaries.en, messages.en);
}

/** A lazy page's import that resolves once the modules' strings are there too, for `lazy()`. */
export function withModuleMessages<T>(load: Promise<T>): Promise<T> {
  return Promise.all([load, loadModuleMessages()]).then(([page]) => page);
}

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** Translates a key; `{name}` placeholders are filled from `vars`. Unknown keys show the zh-CN text, then the key. */
  t(key: string, vars?: Record<string, string | number>): string;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'sj.locale';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN'));
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    document.documentElement.lang = l;
    setLocaleState(l);
  }, []);
  const t = useCallback(
    (key: string, vars?: Record<string, string | number>) => {
      let text = dictionaries[locale][key] ?? dictionaries['zh-CN'][key] ?? key;
      if (vars) for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
      return text;
    },
    [locale],
  );
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export const useT = () => useI18n().t;
