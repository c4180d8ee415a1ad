import { useState } from 'react';

/**
 * The state of a form that sends something: busy while it runs, the error if it failed, the
 * result if it worked. The handler gets the form's fields and the form itself (to reset it).
 */
export function useFormAction<T>(run: (fields: FormData, form: HTMLFormElement) => Promise<T>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<T>();
  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await run(new FormData(form), form));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, result, onSubmit };
}
