import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../web/kit/api';
import { browserApi } from '../../../web/kit/browser-api';
import { useLocale } from '../../../web/kit/locale-context';
import type { SectionKey } from '../applications.lifecycle';
import { type SectionView, updateApplication } from './api';
import { applicationMessages } from './messages';
import { type HubOption, SectionControls, SectionRead, setAt } from './section-parts';

/** How long typing pauses before a section saves itself. */
const AUTOSAVE_MS = 800;

type Body = Record<string, unknown>;

/**
 * The page's sections register here how to save what is typed and not yet saved, so that checking
 * and submitting first save everything: the server judges what it holds.
 */
export type PendingSaves = { flushers: Set<() => Promise<void>> };
export const PendingSavesContext = createContext<PendingSaves>({ flushers: new Set() });

export async function saveEverything(pending: PendingSaves): Promise<void> {
  await Promise.all([...pending.flushers].map((flush) => flush()));
}

type SaveState =
  | { kind: 'saved'; at: string | null }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'failed'; reason: string }
  | { kind: 'conflict'; theirs: SectionView };

const clock = (iso: string, locale: 'nb' | 'en') =>
  new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: 'Europe/Oslo',
  }).format(new Date(iso));

/**
 * One section's form. What is typed saves itself after a pause, from the version the section was
 * read at; the answer's version is the next save's. A save refused because someone else saved the
 * section meanwhile shows their text beside the writer's, which stays on screen unsaved until the
 * writer takes theirs or saves over it. Other sections are never touched by a save of this one.
 */
export function SectionEditor({
  applicationId,
  section,
  hubs,
}: {
  applicationId: string;
  section: SectionView;
  hubs: readonly HubOption[];
}) {
  const { locale, t } = useLocale(applicationMessages);
  const pending = useContext(PendingSavesContext);
  const [body, setBody] = useState<Body>(section.body as Body);
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: section.updatedAt });
  // The latest text and version, for saves that run after the render that scheduled them.
  const latest = useRef({ body: section.body as Body, version: section.version, dirty: false });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const running = useRef<Promise<void> | undefined>(undefined);
  const key = section.key as SectionKey;

  const save = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    // One save at a time: a second waits for the first and then sends what is newest.
    while (running.current) await running.current;
    if (!latest.current.dirty) return;
    const sent = latest.current.body;
    latest.current.dirty = false;
    setState({ kind: 'saving' });
    const run = (async () => {
      try {
        const saved = await browserApi.call(updateApplication, {
          params: { id: applicationId },
          body: { sections: { [key]: { body: sent, version: latest.current.version } } as never },
        });
        const mine = saved.sections.find((candidate) => candidate.key === key);
        if (mine) latest.current.version = mine.version;
        setState(latest.current.dirty ? { kind: 'unsaved' } : { kind: 'saved', at: mine?.updatedAt ?? null });
      } catch (error) {
        latest.current.dirty = true;
        const conflicts = error instanceof ApiError && error.status === 409 ? conflictsOf(error) : undefined;
        const theirs = conflicts?.find((candidate) => candidate.key === key);
        setState(
          theirs
            ? { kind: 'conflict', theirs }
            : {
                kind: 'failed',
                reason: error instanceof ApiError ? (error.problem.detail ?? error.message) : String(error),
              },
        );
      }
    })();
    running.current = run;
    await run;
    running.current = undefined;
  }, [applicationId, key]);

  useEffect(() => {
    const flush = () => save();
    pending.flushers.add(flush);
    return () => {
      pending.flushers.delete(flush);
    };
  }, [pending, save]);

  // Leaving the page (or the section) before the pause is over: save what was typed now.
  useEffect(
    () => () => {
      if (latest.current.dirty) void save();
    },
    [save],
  );

  const change = (path: (string | number)[], value: unknown) => {
    const next = setAt(latest.current.body, path.slice(2), value) as Body;
    latest.current.body = next;
    latest.current.dirty = true;
    setBody(next);
    setState((current) => (current.kind === 'conflict' ? current : { kind: 'unsaved' }));
    if (state.kind === 'conflict') return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
  };

  const takeTheirs = (theirs: SectionView) => {
    latest.current = { body: theirs.body as Body, version: theirs.version, dirty: false };
    setBody(theirs.body as Body);
    setState({ kind: 'saved', at: theirs.updatedAt });
  };
  const keepMine = (theirs: SectionView) => {
    latest.current.version = theirs.version;
    latest.current.dirty = true;
    void save();
  };

  return (
    <div className="stack" data-testid={`section-${key}`}>
      <SectionControls sectionKey={key} body={body} onChange={change} hubs={hubs} />
      <p className="muted save-state" role="status" data-save-state={state.kind}>
        {state.kind === 'saving' && t('save.saving')}
        {state.kind === 'saved' && state.at && t('save.saved', { at: clock(state.at, locale) })}
        {state.kind === 'unsaved' && t('save.unsaved')}
        {state.kind === 'failed' && t('save.failed', { reason: state.reason })}
      </p>
      {state.kind === 'conflict' && (
        <Alert data-color="warning" data-testid="save-conflict">
          <Heading level={3} data-size="xs">
            {t('save.conflictTitle')}
          </Heading>
          <Paragraph>
            {t('save.conflictBody', { name: state.theirs.updatedBy ?? t('save.someone') })}
          </Paragraph>
          <SectionRead sectionKey={key} body={state.theirs.body as Body} hubs={hubs} />
          <div className="registry__actions">
            <Button type="button" onClick={() => takeTheirs(state.theirs)}>
              {t('save.reload')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => keepMine(state.theirs)}>
              {t('save.keepMine')}
            </Button>
          </div>
        </Alert>
      )}
    </div>
  );
}

function conflictsOf(error: ApiError): SectionView[] | undefined {
  const conflicts = (error.problem as { conflicts?: unknown }).conflicts;
  return Array.isArray(conflicts) ? (conflicts as SectionView[]) : undefined;
}
