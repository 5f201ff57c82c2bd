// A search box's text, handed to a URL filter a moment after the last keystroke so a list does not refetch per key.
import { useEffect, useRef, useState } from 'react';

/**
 * `[typed, setTyped]` for the input; `commit(typed.trim())` runs `delayMs` after typing stops. A change of
 * `value` from elsewhere (Clear filters, the back button) replaces what is in the box.
 */
export function useTypedFilter(value: string, commit: (text: string) => void, delayMs = 300): [string, (text: string) => void] {
  const [typed, setTyped] = useState(value);
  const committed = useRef(value);
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setTyped(value);
    }
  }, [value]);
  useEffect(() => {
    const text = typed.trim();
    if (text === committed.current) return;
    const t = setTimeout(() => {
      committed.current = text;
      commit(text);
    }, delayMs);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new keystroke restarts the delay
  }, [typed]);
  return [typed, setTyped];
}
