// The dashboard's open obligations: working days left, those due within 2
// working days first and marked, overdue ones in red; each opens its task.
// The dashboard asks for the first few beside its figures and draws both at
// once; the rest are asked for when the officer wants them: a year can leave
// hundreds open, and sending and drawing them all would slow the dashboard down.

import { useState } from "preact/hooks";
import { api, toIpcError } from "../api";
import type { ObligationRow } from "../bindings/ObligationRow";
import type { OpenObligationList } from "../bindings/OpenObligationList";
import { formatCount, formatDate } from "../lib/format";
import { daysLeftText, urgency } from "../lib/obligations";

/** How many the dashboard asks for and draws before the officer asks for all of them. */
export const FIRST_SHOWN = 10;

export function OpenObligations({
  list,
  error,
  onOpenTask,
}: {
  /** The first ones and how many there are. */
  list: OpenObligationList | null;
  /** Why they could not be read, in Vietnamese. */
  error: string | null;
  onOpenTask: (code: string) => void;
}) {
  const [all, setAll] = useState<ObligationRow[] | null>(null);
  const [asking, setAsking] = useState(false);
  const [allError, setAllError] = useState<string | null>(null);
  if (error) return <p class="error" role="alert">{error}</p>;
  if (!list || list.total === 0) return null;
  const shown = all ?? list.rows.slice(0, FIRST_SHOWN);
  const showAll = () => {
    setAsking(true);
    setAllError(null);
    api.openObligations().then(
      (answer) => {
        setAll(answer.rows);
        setAsking(false);
      },
      (e) => {
        setAllError(toIpcError(e).message);
        setAsking(false);
      },
    );
  };
  return (
    <section class="card" id="open-obligations">
      <h2>
        Việc phát sinh đang chờ xử lý <span class="count">{formatCount(list.total)}</span>
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
      {all === null && shown.length < list.total && (
        <button class="link" id="open-obligations-all" disabled={asking} onClick={showAll}>
          Xem tất cả {formatCount(list.total)} việc (đang hiện {shown.length} việc gấp nhất)
        </button>
      )}
      {allError && (
        <p class="error" role="alert">
          {allError}
        </p>
      )}
    </section>
  );
}
