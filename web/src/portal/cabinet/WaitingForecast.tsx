import { useI18n, type MessageKey } from '@shared/i18n/i18n';

/** What the card shows of Application.waitingForecast: calendar days in the region's calendar (yyyy-MM-dd). */
export interface Forecast {
  earliestFrom: string;
  likelyFrom: string;
  latestUntil?: string | null;
  monthsOfHistory: number;
}

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The interval in words: month names from the catalogs (browsers often lack Kazakh ones), never as a promise. */
export function forecastSentences(t: Translate, forecast: Forecast): string[] {
  const month = (day: string) => ({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) });
  const name = (m: number) => t(`month.${m}` as MessageKey);
  const fromName = (m: number) => t(`month.from.${m}` as MessageKey);
  const earliest = month(forecast.earliestFrom);
  const likely = month(forecast.likelyFrom);
  let interval: string;
  if (!forecast.latestUntil) {
    interval = t('forecast.openEnded', { from: fromName(earliest.month), fromYear: earliest.year });
  } else {
    const latest = month(forecast.latestUntil);
    if (latest.year === earliest.year && latest.month === earliest.month) {
      interval = t('forecast.single', { month: name(earliest.month), year: earliest.year });
    } else if (latest.year === earliest.year) {
      interval = t('forecast.sameYear', { from: fromName(earliest.month), until: name(latest.month), year: latest.year });
    } else {
      interval = t('forecast.range', { from: fromName(earliest.month), fromYear: earliest.year, until: name(latest.month), untilYear: latest.year });
    }
  }
  const sentences = [interval];
  if (forecast.latestUntil && forecast.likelyFrom !== forecast.earliestFrom && forecast.likelyFrom.slice(0, 7) !== forecast.latestUntil.slice(0, 7)) {
    sentences.push(t('forecast.likely', { month: name(likely.month), year: likely.year }));
  }
  sentences.push(t('forecast.notPromise', { months: forecast.monthsOfHistory }));
  return sentences;
}

/** The application card's forecast: nothing when there is none (not queued, or no history). */
export function WaitingForecast({ forecast }: { forecast?: Forecast | null }) {
  const { t } = useI18n();
  if (!forecast) return null;
  const [interval, ...rest] = forecastSentences(t, forecast);
  return (
    <section aria-labelledby="forecast-title">
      <h4 id="forecast-title">{t('forecast.title')}</h4>
      <p data-testid="waiting-forecast">{interval}</p>
      {rest.map((sentence) => (
        <p key={sentence} className="hint">
          {sentence}
        </p>
      ))}
    </section>
  );
}
