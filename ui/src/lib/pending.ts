// Saves still waiting (debounced autosave): flushed before the window closes,
// the screen or month changes, or the system ends the app, so nothing typed is
// lost. Each saver also gives what it holds unsaved (its name and its form);
// the shell is told at every change, so that it can save it itself when the
// system ends the app, and name at the next start what could not be saved.

import type { PendingWork } from "../bindings/PendingWork";

type Flush = () => Promise<void>;
/** What is typed but not saved, or null when all is saved. */
type Unsaved = () => PendingWork | null;

const savers = new Map<Flush, Unsaved>();
let listener: ((seq: number, work: PendingWork[]) => void) | null = null;
let told = "[]";
let seq = 0;

/** Registers a flush (and what it holds unsaved); returns the function that removes it. */
export function registerFlush(flush: Flush, unsaved: Unsaved = () => null): () => void {
  savers.set(flush, unsaved);
  return () => {
    savers.delete(flush);
    unsavedChanged();
  };
}

/** What every saver holds unsaved. */
export function unsavedWork(): PendingWork[] {
  return [...savers.values()].map((u) => u()).filter((u): u is PendingWork => u !== null);
}

/**
 * Savers call this when what they hold unsaved may have changed; the listener
 * hears real changes only, each with a number larger than the last (across
 * reloads of the page too), so that the shell can drop a late older call.
 */
export function unsavedChanged(): void {
  const work = unsavedWork();
  const now = JSON.stringify(work);
  if (now === told) return;
  told = now;
  seq = Math.max(seq + 1, Math.floor((performance.timeOrigin + performance.now()) * 1000));
  listener?.(seq, work);
}

/** Sets who hears the unsaved work (the shell); returns the function that stops it. */
export function watchUnsaved(hear: (seq: number, work: PendingWork[]) => void): () => void {
  listener = hear;
  told = "[]";
  return () => {
    if (listener === hear) listener = null;
  };
}

/** Runs every registered flush; failures are reported by the savers themselves. */
export async function flushAll(): Promise<void> {
  await Promise.allSettled([...savers.keys()].map((f) => f()));
}
