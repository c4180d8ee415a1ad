import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { formatNumber } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import { stateAidMessages } from './messages';
import { standingOf, WARNING_YEARS, yearsLeft } from './standing';

type Clock = { usedYears: number; capYears: number };

/** Years used of the cap, as words and a meter, with a warning near or past the cap. */
export function ClockSummary({ clock }: { clock: Clock }) {
  const { locale, t } = useLocale(stateAidMessages);
  const standing = standingOf(clock);
  const years = (value: number) => formatNumber(value, locale);
  const cap = years(clock.capYears);
  return (
    <div className="stack" data-testid="state-aid-clock" data-standing={standing}>
      <Paragraph>
        <strong>{t('clock.used', { used: years(clock.usedYears), cap })}</strong>
      </Paragraph>
      <meter
        className="state-aid-meter"
        aria-label={t('clock.label')}
        min={0}
        max={clock.capYears}
        low={clock.capYears - WARNING_YEARS}
        high={clock.capYears}
        optimum={0}
        value={Math.min(clock.usedYears, clock.capYears)}
      >
        {t('clock.used', { used: years(clock.usedYears), cap })}
      </meter>
      {standing === 'over' && (
        <Alert data-color="danger" role="status">
          {t('clock.over', { cap })}
        </Alert>
      )}
      {standing === 'near' && (
        <Alert data-color="warning" role="status">
          {t('clock.near', { cap, left: years(yearsLeft(clock)) })}
        </Alert>
      )}
      {standing === 'clear' && <Paragraph>{t('clock.left', { left: years(yearsLeft(clock)) })}</Paragraph>}
    </div>
  );
}
