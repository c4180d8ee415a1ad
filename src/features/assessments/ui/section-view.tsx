import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useLocale } from '../../../web/kit/locale-context';
import { assessmentMessages } from './messages';

const SECTION_KEYS = [
  'background',
  'vision_goals',
  'focus_activities',
  'expected_effects',
  'resource_base',
  'ecosystem_role',
  'budget',
  'pre_project',
  'hub',
] as const;

/** A field's name as a reader would say it: `projectOwnerOrgnr` → "project owner orgnr". */
const words = (key: string) =>
  key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/Nok$/, ' NOK')
    .toLowerCase();

/** Any value of a section's body: text as paragraphs, lists of records as tables, numbers as they are. */
function Value({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === '') return <span className="muted">–</span>;
  if (typeof value === 'string') {
    return (
      <>
        {value.split(/\n\s*\n/).map((part) => (
          <Paragraph key={part}>{part}</Paragraph>
        ))}
      </>
    );
  }
  if (typeof value !== 'object') return <>{String(value)}</>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">–</span>;
    if (value.every((item) => typeof item !== 'object' || item === null)) return <>{value.join(', ')}</>;
    const columns = [...new Set(value.flatMap((item) => Object.keys(item as object)))];
    return (
      <div className="scrollable">
        <table className="plain-table">
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column}>{words(column)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {value.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows of a submitted section never move
              <tr key={index}>
                {columns.map((column) => (
                  <td key={column}>{String((item as Record<string, unknown>)[column] ?? '')}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <dl className="facts">
      {Object.entries(value as Record<string, unknown>).map(([key, inner]) => (
        <div key={key}>
          <dt>{words(key)}</dt>
          <dd>
            <Value value={inner} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** One section of an application as the applicant submitted it, for the assessor to read. */
export function SectionView({ section }: { section: { key: string; body: unknown } }) {
  const { t } = useLocale(assessmentMessages);
  const known = (SECTION_KEYS as readonly string[]).includes(section.key);
  return (
    <section className="stack" data-section={section.key}>
      <Heading level={3} data-size="xs">
        {known ? t(`assessments.section.${section.key as (typeof SECTION_KEYS)[number]}`) : section.key}
      </Heading>
      <Value value={section.body} />
    </section>
  );
}
