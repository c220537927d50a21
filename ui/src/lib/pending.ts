// Saves still waiting (debounced autosave): flushed before the window closes or
// the screen changes, so nothing typed is lost.

type Flush = () => Promise<void>;
const flushes = new Set<Flush>();

/** Registers a flush; returns the function that removes it. */
export function registerFlush(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

/** Runs every registered flush; failures are reported by the savers themselves. */
export async function flushAll(): Promise<void> {
  await Promise.allSettled([...flushes].map((f) => f()));
}
