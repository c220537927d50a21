// A status word on its colour.
import { statusClass } from "../lib/status";

export function StatusBadge({ status }: { status: string | undefined }) {
  if (!status) return null;
  return <span class={`badge ${statusClass(status)}`}>{status}</span>;
}
