import { useI18n } from '@shared/i18n/i18n';

interface Ahead {
  outOfTurn: number;
  priority: number;
  general: number;
  total: number;
}

/** Who stands ahead, and why the number moved: the numbers some days ago, in words. */
export function QueueMovement({ ahead, past, current }: { ahead?: Ahead | null; past: { daysAgo: number; queueNumber?: number | null }[]; current?: number | null }) {
  const { t } = useI18n();
  const moves = past.filter((p) => p.queueNumber != null);
  return (
    <>
      {ahead && (
        <p>
          {t('queue.ahead', { total: ahead.total, outOfTurn: ahead.outOfTurn, priority: ahead.priority, general: ahead.general })}
        </p>
      )}
      {moves.length > 0 && current != null && (
        <>
          <h4>{t('queue.movedTitle')}</h4>
          <ul className="moves">
            {moves.map((p) => (
              <li key={p.daysAgo}>
                {t('queue.was', { days: p.daysAgo, number: p.queueNumber! })}{' '}
                {p.queueNumber! > current ? t('queue.movedUp', { count: p.queueNumber! - current }) : p.queueNumber! < current ? t('queue.movedDown', { count: current - p.queueNumber! }) : t('queue.same')}
              </li>
            ))}
          </ul>
          <p className="hint">{t('queue.whyMoved')}</p>
        </>
      )}
    </>
  );
}
