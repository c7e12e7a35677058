import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import en from './en.json';
import kk from './kk.json';
import ru from './ru.json';
import { currentLanguage, storeLanguage, type Lang } from './language';

export type MessageKey = keyof typeof ru;
const catalogs: Record<Lang, Record<string, string>> = { kk, ru, en };

/** A message with {name} placeholders filled in; Russian when a catalog lacks it (a test keeps them equal). */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = catalogs[lang][key] ?? catalogs.ru[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** Region time for display: dates and times in Asia/Almaty whatever the browser's zone. */
  formatDate: (iso: string | null | undefined) => string;
  formatDateTime: (iso: string | null | undefined) => string;
  /** A deadline that ends a day (midnight) is shown as that day's 23:59, not as the next day's 00:00. */
  formatDeadline: (iso: string | null | undefined) => string;
}

const Context = createContext<I18n | null>(null);
export const regionTimeZone = 'Asia/Almaty';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLanguage);
  const setLang = useCallback((next: Lang) => {
    storeLanguage(next);
    setLangState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    // dd.MM.yyyy and HH:mm, as the seeds' portals write them: the same in every language, and no locale data needed
    // (browsers' Kazakh month names are often missing).
    const parts = (date: Date) => {
      const p = new Intl.DateTimeFormat('en-GB', {
        timeZone: regionTimeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
      }).formatToParts(date);
      const get = (type: string) => p.find((x) => x.type === type)?.value ?? '';
      return { date: `${get('day')}.${get('month')}.${get('year')}`, time: `${get('hour')}:${get('minute')}` };
    };
    return {
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      formatDate: (iso) => {
        if (!iso) return '';
        // A bare date is a calendar day: shown as that day, not moved by a time zone.
        const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
        return day ? `${day[3]}.${day[2]}.${day[1]}` : parts(new Date(iso)).date;
      },
      formatDateTime: (iso) => {
        if (!iso) return '';
        const p = parts(new Date(iso));
        return `${p.date} ${p.time}`;
      },
      formatDeadline: (iso) => {
        if (!iso) return '';
        let date = new Date(iso);
        if (parts(date).time === '00:00') date = new Date(date.getTime() - 60_000);
        const p = parts(date);
        return `${p.date} ${p.time}`;
      },
    };
  }, [lang, setLang]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
