import { languages, type Lang } from '../i18n/language';

/** Each language named in itself, as the switch shows it whatever the page's language. */
const languageNames: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/** The header's language switch, shared by the portal and the studio: the label comes from the caller's catalog. */
export function LanguageSwitch({ label, lang, setLang }: { label: string; lang: Lang; setLang: (lang: Lang) => void }) {
  return (
    <div className="languages" role="group" aria-label={label}>
      {languages.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
          {languageNames[l]}
        </button>
      ))}
    </div>
  );
}
