import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  Link,
  Paragraph,
  Textarea,
} from '@digdir/designsystemet-react';
import { pick } from '../../../shared/localized';
import type { Api } from '../../../web/kit/api';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { formatDate, formatNok } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import { refreshPage } from '../../../web/kit/navigation';
import { definePage, type PageInput } from '../../../web/kit/page';
import { type ClusterEngagementsView, extendEngagement, listClusterEngagements } from './api';
import { decisionMessages } from './messages';
import { grantsOf } from './round-page';

type Period = ClusterEngagementsView['items'][number];

function loadEngagements(api: Api, { params: { slug } }: PageInput<'slug'>): Promise<ClusterEngagementsView> {
  return api.call(listClusterEngagements, { params: { slug } });
}

/** One period: what it is, and while its level's rule allows, the form that extends it. */
function PeriodItem({ period, data }: { period: Period; data: ClusterEngagementsView }) {
  const { locale, t } = useLocale(decisionMessages);
  const extend = useFormAction(async (fields) => {
    const text = (name: string) => String(fields.get(name) ?? '').trim();
    const reason = text('reason');
    const decision = await browserApi.call(extendEngagement, {
      params: { slug: data.cluster.slug, id: period.id },
      body: {
        years: Number(text('years')),
        yearlyGrantsNok: grantsOf(text('grants')),
        conditions: text('conditions'),
        ...(reason ? { override: { reason } } : {}),
      },
    });
    refreshPage();
    return decision;
  });
  const id = (name: string) => `${name}-${period.id}`;
  const open = period.extensionYearsLeft > 0 && data.mayExtend;
  return (
    <section className="panel stack" data-testid="engagement" data-engagement={period.id}>
      <Heading level={2} data-size="xs">
        {t('decisions.extend.period', {
          level: pick(period.levelName, locale),
          starts: formatDate(period.startsOn, locale),
          ends: formatDate(period.endsOn, locale),
        })}
      </Heading>
      {period.extendedToOn && (
        <Paragraph data-testid="extended-to">
          {t('decisions.extend.extendedTo', { date: formatDate(period.extendedToOn, locale) })}
        </Paragraph>
      )}
      {period.endedOn && (
        <Paragraph>{t('decisions.extend.ended', { date: formatDate(period.endedOn, locale) })}</Paragraph>
      )}
      {extend.result !== undefined && (
        <Alert data-color="success" data-testid="extend-done">
          {t('decisions.extend.done', {
            date: formatDate(extend.result.endsOn ?? '', locale),
            total: formatNok(extend.result.totalNok, locale),
          })}
        </Alert>
      )}
      {open && extend.result === undefined && (
        <>
          <Paragraph>{t('decisions.extend.yearsLeft', { years: period.extensionYearsLeft })}</Paragraph>
          {extend.error !== undefined && (
            <ProblemAlert
              title={t('decisions.extend.failed')}
              error={extend.error}
              labels={{
                years: t('decisions.extend.years'),
                yearlyGrantsNok: t('decisions.extend.grants'),
                conditions: t('decisions.extend.conditions'),
                override: t('decisions.extend.reason'),
              }}
            />
          )}
          <form
            onSubmit={extend.onSubmit}
            onInput={extend.onInput}
            className="stack edit-form"
            data-testid="extend-form"
          >
            <Field>
              <Label htmlFor={id('years')}>{t('decisions.extend.years')}</Label>
              <Input
                id={id('years')}
                name="years"
                type="number"
                min={1}
                max={period.extensionYearsLeft}
                defaultValue={1}
              />
            </Field>
            <Field>
              <Label htmlFor={id('grants')}>{t('decisions.extend.grants')}</Label>
              <Input id={id('grants')} name="grants" />
            </Field>
            <Field>
              <Label htmlFor={id('conditions')}>{t('decisions.extend.conditions')}</Label>
              <Textarea id={id('conditions')} name="conditions" rows={2} />
            </Field>
            {data.mayOverride && (
              <Field>
                <Label htmlFor={id('reason')}>{t('decisions.extend.reason')}</Label>
                <Textarea id={id('reason')} name="reason" rows={3} />
              </Field>
            )}
            <div>
              <Button type="submit" disabled={extend.busy}>
                {t('decisions.extend.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

function ExtendPage({ data }: { data: ClusterEngagementsView }) {
  const { t } = useLocale(decisionMessages);
  const extendable = data.items.some((period) => period.extensionYearsLeft > 0);
  return (
    <article className="stack">
      <nav aria-label="breadcrumbs" className="breadcrumbs">
        <Link href={`/clusters/${data.cluster.slug}`}>{data.cluster.name}</Link>{' '}
        <span aria-hidden="true">›</span> <span>{t('decisions.slot.extend')}</span>
      </nav>
      <Heading level={1} data-size="lg">
        {t('decisions.extend.title', { name: data.cluster.name })}
      </Heading>
      <Paragraph>{t('decisions.extend.intro')}</Paragraph>
      {!extendable && <Paragraph data-testid="extend-none">{t('decisions.extend.none')}</Paragraph>}
      {data.items
        .slice()
        .reverse()
        .map((period) => (
          <PeriodItem key={period.id} period={period} data={data} />
        ))}
    </article>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: decisionMessages,
  load: loadEngagements,
  title: (data, t) => t('decisions.extend.documentTitle', { name: data.cluster.name }),
  Component: ExtendPage,
});
