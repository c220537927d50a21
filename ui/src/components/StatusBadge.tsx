// A status word on its colour.
import type { Status } from "../bindings/Status";
import { STATUS_WORDS, statusClass } from "../lib/status";

export function StatusBadge({ status }: { status: Status | null | undefined }) {
  if (!status) return null;
  return <span class={`badge ${statusClass(status)}`}>{STATUS_WORDS[status]}</span>;
}
