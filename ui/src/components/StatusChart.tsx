// The month's counts per status as horizontal bars drawn in SVG, each with its
// word and number (never colour alone); readable in print.

import type { StatusCount } from "../bindings/StatusCount";
import { STATUS_WORDS, statusClass } from "../lib/status";

export function StatusChart({ counts }: { counts: StatusCount[] }) {
  const max = Math.max(1, ...counts.map((c) => c.count));
  const rowH = 30;
  const labelW = 210;
  const barW = 300;
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${labelW + barW + 50} ${counts.length * rowH}`}
      role="img"
      aria-label={counts.map((c) => `${STATUS_WORDS[c.status]}: ${c.count}`).join("; ")}
    >
      {counts.map((c, i) => {
        const w = (c.count / max) * barW;
        return (
          <g key={c.status} transform={`translate(0 ${i * rowH})`}>
            <text x={labelW - 8} y={rowH / 2 + 5} text-anchor="end" class="chart-label">
              {STATUS_WORDS[c.status]}
            </text>
            <rect x={labelW} y={5} width={Math.max(w, 2)} height={rowH - 10} rx={3} class={`bar ${statusClass(c.status)}`} />
            <text x={labelW + Math.max(w, 2) + 6} y={rowH / 2 + 5} class="chart-value">
              {c.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
