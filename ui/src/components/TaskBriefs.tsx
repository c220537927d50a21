// A titled card listing tasks briefly (code, wording, status), each opening the
// task; used by the dashboard and the export preview.

import { formatCount, formatDate, formatPercent } from "../lib/format";
import { StatusBadge } from "./StatusBadge";

export interface Brief {
  code: string;
  content: string;
  status: string;
  due_date?: string | null;
  percent?: number | null;
}

interface Props {
  id: string;
  title: string;
  empty: string;
  items: Brief[];
  onOpen: (code: string) => void;
  scroll?: boolean;
}

export function TaskBriefs({ id, title, empty, items, onOpen, scroll }: Props) {
  return (
    <section class="card" id={id}>
      <h2>
        {title} <span class="count">{formatCount(items.length)}</span>
      </h2>
      {items.length === 0 ? (
        <p class="empty">{empty}</p>
      ) : (
        <ul class={scroll ? "briefs scroll" : "briefs"}>
          {items.map((t) => (
            <li key={t.code}>
              <button class="link" onClick={() => onOpen(t.code)}>
                <span class="clamp">
                  <span class="code">{t.code}</span> {t.content}
                </span>
              </button>
              <span class="meta">
                {t.due_date && `Hạn ${formatDate(t.due_date)} · `}
                <StatusBadge status={t.status} />
                {t.percent !== null && t.percent !== undefined && ` · ${formatPercent(t.percent, 0)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
