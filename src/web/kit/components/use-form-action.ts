import { useCallback, useEffect, useId, useState } from 'react';

/** Said on the window when any form of the page sends something, so other forms drop their "done". */
const ACTION_EVENT = 'klynge:action';

/** Tells the page's other forms that this one is acting now. */
export function announceAction(source: string): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(ACTION_EVENT, { detail: source }));
}

/**
 * Calls `clear` when another form of the page acts, so a success message never stays on screen
 * beside the next thing the person does. Returns this form's name for `announceAction`.
 */
export function useClearOnOtherAction(clear: () => void): string {
  const id = useId();
  useEffect(() => {
    const onAction = (event: Event) => {
      if ((event as CustomEvent<string>).detail !== id) clear();
    };
    window.addEventListener(ACTION_EVENT, onAction);
    return () => window.removeEventListener(ACTION_EVENT, onAction);
  }, [id, clear]);
  return id;
}

/**
 * The state of a form that sends something: busy while it runs, the error if it failed, the
 * result if it worked. The handler gets the form's fields and the form itself (to reset it). Give
 * the form both handlers (`onSubmit`, `onInput`): the result and the error are dropped as soon as
 * the person changes a field, or acts in another form of the page.
 */
export function useFormAction<T>(
  run: (fields: FormData, form: HTMLFormElement) => Promise<T>,
  /** `keep`: the result stays until this form sends again (a secret shown only once). */
  options: { keep?: boolean } = {},
) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<T>();
  const reset = useCallback(() => {
    setResult(undefined);
    setError(undefined);
  }, []);
  const keep = options.keep === true;
  const id = useClearOnOtherAction(useCallback(() => (keep ? setError(undefined) : reset()), [keep, reset]));
  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    announceAction(id);
    setBusy(true);
    reset();
    try {
      setResult(await run(new FormData(form), form));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  // A changed field makes a "saved" untrue; the error stays until the next try, as it still applies.
  const onInput = () => {
    if (!keep) setResult(undefined);
  };
  return { busy, error, result, onSubmit, onInput };
}
