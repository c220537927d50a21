// Asking the shell for what a screen shows, keeping only the answer to the
// question the screen asks now: when the month, agency or plan changes while
// an earlier call is still running, that call's late answer (or late failure)
// is dropped instead of overwriting the right one.

import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { toIpcError } from "../api";

export interface Answer<T> {
  /** The latest answer to the current question; null while it is asked. */
  data: T | null;
  /** Why the latest call failed, in Vietnamese; null when it did not. */
  error: string | null;
  /** Asks the same question again, keeping what is shown until the answer comes. */
  reload: () => void;
}

/**
 * Calls `ask` when the component mounts and whenever `question` changes (its
 * parts compared one by one, like a hook's dependencies).
 */
export function useAnswer<T>(ask: () => Promise<T>, question: unknown[]): Answer<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  const latest = useRef(0);
  const asking = useRef(ask);
  asking.current = ask;

  const run = useCallback((fresh: boolean) => {
    const call = ++latest.current;
    if (fresh) setState({ data: null, error: null });
    asking.current().then(
      (data) => {
        if (call === latest.current) setState({ data, error: null });
      },
      (e) => {
        if (call === latest.current) setState((s) => ({ data: fresh ? null : s.data, error: toIpcError(e).message }));
      },
    );
  }, []);

  useEffect(() => {
    run(true);
    // Unmounted or asked again: whatever is still running answers nobody.
    return () => void ++latest.current;
  }, question);

  return { ...state, reload: useCallback(() => run(false), [run]) };
}
