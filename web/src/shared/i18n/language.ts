// The chosen language, kept in localStorage and sent to the API as Accept-Language.
export type Lang = 'kk' | 'ru' | 'en';
export const languages: Lang[] = ['kk', 'ru', 'en'];
const key = 'kezek.language';

export function isLang(value: unknown): value is Lang {
  return value === 'kk' || value === 'ru' || value === 'en';
}

export function storedLanguage(): Lang | null {
  try {
    const value = localStorage.getItem(key);
    return isLang(value) ? value : null;
  } catch {
    return null;
  }
}

/** The stored choice, else the browser's first of kk/ru/en, else Kazakh. */
export function currentLanguage(): Lang {
  const stored = storedLanguage();
  if (stored) return stored;
  const fromBrowser = typeof navigator !== 'undefined' ? navigator.languages?.map((l) => l.slice(0, 2)).find(isLang) : undefined;
  return fromBrowser ?? 'kk';
}

export function storeLanguage(lang: Lang) {
  try {
    localStorage.setItem(key, lang);
  } catch {
    /* storage unavailable */
  }
}
