// The dashboard's open obligations: working days left, those due within 2
// working days first and marked, overdue ones in red; each opens its task.

import { api } from "../api";
import { useAnswer } from "../lib/answer";
import { formatDate } from "../lib/format";
import { daysLeftText, urgency } from "../lib/obligations";

export function OpenObligations({ onOpenTask }: { onOpenTask: (code: string) => void }) {
  const { data: rows, error } = useAnswer(() => api.openObligations(), []);
  if (error) return <p class="error" role="alert">{error}</p>;
  if (!rows || rows.length === 0) return null;
  return (
    <section class="card" id="open-obligations">
      <h2>
        Việc phát sinh đang chờ xử lý <span class="count">{rows.length}</span>
      </h2>
      <ul class="briefs obligations scroll">
        {rows.map((o) => {
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
    </section>
  );
}
