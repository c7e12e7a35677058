// Calendar dates as the API writes them (yyyy-MM-dd), checked without time zones: a date is a day, not an instant.

export type DateProblem = 'required' | 'format' | 'future' | 'past' | 'tooLate';

/** True for a real calendar day written yyyy-MM-dd. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** A date from the day, month and year a person typed (GOV.UK's three fields), or null. */
export function dateFromParts(day: string, month: string, year: string): string | null {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim())) return null;
  const iso = `${year.trim()}-${month.trim().padStart(2, '0')}-${day.trim().padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** A birth date: a real day, not in the future (today is the region's today, yyyy-MM-dd). */
export function birthDateProblem(iso: string | null, today: string): DateProblem | null {
  if (iso === null) return 'format';
  return iso > today ? 'future' : null;
}

/** An extension's last day: after the current expiry and no later than the last day allowed. */
export function extensionDateProblem(iso: string | null, currentLastDay: string, latest: string): DateProblem | null {
  if (iso === null) return 'format';
  if (iso <= currentLastDay) return 'past';
  if (iso > latest) return 'tooLate';
  return null;
}

/** The calendar day of an instant in a time zone (Asia/Almaty for Kazakhstan), yyyy-MM-dd. */
export function dayIn(instant: Date | string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
