import { useRef, useState } from 'react';

/**
 * Rows a form adds and removes (operators, brands). Each row keeps a key of its own, so its inputs
 * keep what was typed in them when a row above it goes; the body is built in the rows' order.
 */
export function useRows<T>(initial: readonly T[]) {
  const next = useRef(initial.length);
  const [rows, setRows] = useState(() => initial.map((value, index) => ({ key: index, value })));
  return {
    rows,
    add(value: T) {
      const key = next.current;
      next.current += 1;
      setRows((current) => [...current, { key, value }]);
    },
    remove(key: number) {
      setRows((current) => current.filter((row) => row.key !== key));
    },
  };
}
