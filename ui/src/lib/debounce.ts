// A debounced call that can be flushed (on blur, on close) so nothing typed is lost.

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Runs the pending call now, if any; resolves when it has run. */
  flush(): Promise<void>;
  /** Drops the pending call. */
  cancel(): void;
  pending(): boolean;
}

export function debounce<A extends unknown[]>(
  fn: (...args: A) => unknown,
  waitMs: number,
): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastArgs: A | undefined;
  const run = async () => {
    timer = undefined;
    const args = lastArgs;
    lastArgs = undefined;
    if (args) await fn(...args);
  };
  const debounced = ((...args: A) => {
    lastArgs = args;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, waitMs);
  }) as Debounced<A>;
  debounced.flush = async () => {
    if (timer !== undefined) clearTimeout(timer);
    if (lastArgs) await run();
  };
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    lastArgs = undefined;
  };
  debounced.pending = () => lastArgs !== undefined;
  return debounced;
}
