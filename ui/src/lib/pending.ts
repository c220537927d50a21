// Saves still waiting (debounced autosave): flushed before the window closes,
// the screen or month changes, or the system ends the app, so nothing typed is
// lost. Each saver also says what it holds that is not saved yet; the shell is
// told whenever that list changes, so that the next start can say what was
// lost if the app was ended before it could be saved.

type Flush = () => Promise<void>;
/** A short description of what is typed but not saved, or null when all is saved. */
type Unsaved = () => string | null;

const savers = new Map<Flush, Unsaved>();
let listener: ((unsaved: string[]) => void) | null = null;
let told: string[] = [];

/** Registers a flush (and what it holds unsaved); returns the function that removes it. */
export function registerFlush(flush: Flush, unsaved: Unsaved = () => null): () => void {
  savers.set(flush, unsaved);
  return () => {
    savers.delete(flush);
    unsavedChanged();
  };
}

/** What every saver holds unsaved, each named once. */
export function unsavedWork(): string[] {
  return [...new Set([...savers.values()].map((u) => u()).filter((u): u is string => u !== null))];
}

/** Savers call this when what they hold unsaved may have changed; the listener hears real changes only. */
export function unsavedChanged(): void {
  const now = unsavedWork();
  if (now.length === told.length && now.every((u, i) => u === told[i])) return;
  told = now;
  listener?.(now);
}

/** Sets who hears the list of unsaved work (the shell); returns the function that stops it. */
export function watchUnsaved(hear: (unsaved: string[]) => void): () => void {
  listener = hear;
  told = [];
  return () => {
    if (listener === hear) listener = null;
  };
}

/** Runs every registered flush; failures are reported by the savers themselves. */
export async function flushAll(): Promise<void> {
  await Promise.allSettled([...savers.keys()].map((f) => f()));
}
