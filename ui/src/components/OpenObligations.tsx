// The dashboard's open obligations: working days left, those due within 2
// working days first and marked, overdue ones in red; each opens its task.
// The dashboard asks for them beside its figures and draws both at once. The
// first few are drawn, the rest on asking: a year can leave hundreds open, and
// drawing them all would slow the dashboard down.

import { useState } from "preact/hooks";
import type { ObligationRow } from "../bindings/ObligationRow";
import { formatCount, formatDate } from "../lib/format";
import { daysLeftText, urgency } from "../lib/obligations";

/** How many are drawn before the officer asks for all of them. */
export const FIRST_SHOWN = 10;

export function OpenObligations({
  rows,
  error,
  onOpenTask,
}: {
  rows: ObligationRow[] | null;
  /** Why they could not be read, in Vietnamese. */
  error: string | null;
  onOpenTask: (code: string) => void;
}) {
  const [all, setAll] = useState(false);
  if (error) return <p class="error" role="alert">{error}</p>;
  if (!rows || rows.length === 0) return null;
  const shown = all ? rows : rows.slice(0, FIRST_SHOWN);
  return (
    <section class="card" id="open-obligations">
      <h2>
        Việc phát sinh đang chờ xử lý <span class="count">{formatCount(rows.length)}</span>
      </h2>
      <ul class="briefs obligations scroll">
        {shown.map((o) => {
          const mark = urgency(o);
          return (
            <li key={o.id} class={mark}>
              <button class="link" onClick={() => onOpenTask(o.task)}>
                <span class="code">{o.task}</span> {o.number} ngày {formatDate(o.date)}
                {o.issuer && ` của ${o.issuer}`}
              </button>
              <span class="meta">
                Hạn {formatDate(o.due_date)} ·{" "}
                <span class={mark === "overdue" ? "badge st-red" : mark === "urgent" ? "badge st-amber" : "badge st-blue"}>
                  {mark === "urgent" ? "Sắp đến hạn: " : ""}
                  {daysLeftText(o)}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
      {shown.length < rows.length && (
        <button class="link" id="open-obligations-all" onClick={() => setAll(true)}>
          Xem tất cả {formatCount(rows.length)} việc (đang hiện {shown.length} việc gấp nhất)
        </button>
      )}
    </section>
  );
}
