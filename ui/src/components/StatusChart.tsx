// The month's counts per status as horizontal bars, each with its word and
// number (never colour alone); readable in print. Drawn in HTML, not a scaled
// SVG, so the words keep the body's size however narrow the card is.

import { formatCount } from "../lib/format";
import { statusClass } from "../lib/status";

export function StatusChart({ counts }: { counts: { status: string; count: number }[] }) {
  const max = Math.max(1, ...counts.map((c) => c.count));
  return (
    <div class="chart" role="img" aria-label={counts.map((c) => `${c.status}: ${formatCount(c.count)}`).join("; ")}>
      {counts.map((c) => (
        <div class="chart-row" key={c.status}>
          <span class="chart-label">{c.status}</span>
          <span class="chart-track">
            <span class={`bar ${statusClass(c.status)}`} style={{ width: `${Math.max((c.count / max) * 100, 0.5)}%` }} />
            <span class="chart-value">{formatCount(c.count)}</span>
          </span>
        </div>
      ))}
    </div>
  );
}
