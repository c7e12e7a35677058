// The studio's words: its own catalogs (ru, kk, en), loaded only with the studio's chunk so a parent's phone never gets them.
import { useMemo } from 'react';
import { useI18n } from '@shared/i18n/i18n';
import type { Lang } from '@shared/i18n/language';
import en from './words/en.json';
import kk from './words/kk.json';
import ru from './words/ru.json';

export type StudioKey = keyof typeof ru;
const catalogs: Record<Lang, Record<string, string>> = { kk, ru, en };

export function studioText(lang: Lang, key: StudioKey, vars?: Record<string, string | number>): string {
  const text = catalogs[lang][key] ?? catalogs.ru[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
}

/** The portal's i18n (language, dates in Asia/Almaty) with the studio's words as `t`. */
export function useStudioI18n() {
  const i18n = useI18n();
  return useMemo(() => ({ ...i18n, t: (key: StudioKey, vars?: Record<string, string | number>) => studioText(i18n.lang, key, vars) }), [i18n]);
}
