// Nhiệm vụ: the agency's tasks (lead and co-operating) on the left, filtered by
// status, role, criterion and due month, searched ignoring diacritics; the
// chosen task's detail and this month's form on the right.

import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { api, toIpcError } from "../api";
import type { Criterion } from "../bindings/Criterion";
import type { EvidenceRow } from "../bindings/EvidenceRow";
import type { TaskRow } from "../bindings/TaskRow";
import { StatusBadge } from "../components/StatusBadge";
import { VirtualList } from "../components/VirtualList";
import { useAnswer } from "../lib/answer";
import { formatCount, formatDate, formatPeriod } from "../lib/format";
import { roleLabel, STATUSES } from "../lib/status";
import { dueMonths, filterTasks, joinTasks, NO_FILTER, sortTasks, type TaskFilter, type TaskSort } from "../lib/tasks";
import { TaskDetail } from "./TaskDetail";

const ROW_HEIGHT = 76;

function useWindowHeight(): number {
  const [h, setH] = useState(window.innerHeight);
  useEffect(() => {
    const on = () => setH(window.innerHeight);
    window.addEventListener("resize", on);
    return () => window.removeEventListener("resize", on);
  }, []);
  return h;
}

export function TasksScreen({ period, initialTask }: { period: string; initialTask: string | null }) {
  const [tasks, setTasks] = useState<TaskRow[]>([]);
  const [criteria, setCriteria] = useState<Criterion[]>([]);
  const [agencyNames, setAgencyNames] = useState<Map<string, string>>(new Map());
  const [evidence, setEvidence] = useState<EvidenceRow[]>([]);
  const [filter, setFilter] = useState<TaskFilter>(NO_FILTER);
  const [sort, setSort] = useState<TaskSort>("plan");
  const [selected, setSelected] = useState<string | null>(initialTask);
  const [message, setMessage] = useState("");
  const height = useWindowHeight();

  // The month's statuses: a late answer for a month no longer shown is dropped.
  const { data: report, error: statusError, reload: refreshStatus } = useAnswer(() => api.status(period), [period]);
  const refreshEvidence = useCallback(() => {
    api.evidence().then(setEvidence, (e) => setMessage(toIpcError(e).message));
  }, []);

  useEffect(() => {
    Promise.all([api.tasks(), api.criteria(), api.agencies()]).then(
      ([t, c, a]) => {
        setTasks(t);
        setCriteria(c);
        setAgencyNames(new Map(a.map((x) => [x.code, x.name])));
      },
      (e) => setMessage(toIpcError(e).message),
    );
    refreshEvidence();
  }, [refreshEvidence]);

  const items = useMemo(() => joinTasks(tasks, report?.tasks ?? []), [tasks, report]);
  const shown = useMemo(() => sortTasks(filterTasks(items, filter), sort), [items, filter, sort]);
  const current = items.find((i) => i.task.code === selected);
  const set = (patch: Partial<TaskFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const usedCriteria = useMemo(() => criteria.filter((c) => tasks.some((t) => t.criteria.includes(c.code))), [criteria, tasks]);

  return (
    <div class="split">
      <div class="list-pane">
        <div class="filters">
          <input
            type="search"
            id="task-search"
            aria-label="Tìm nhiệm vụ"
            placeholder="Tìm nhiệm vụ (Ctrl+F), có dấu hoặc không dấu"
            value={filter.query}
            onInput={(e) => set({ query: e.currentTarget.value })}
          />
          <div class="filter-row">
            <select aria-label="Tình trạng" value={filter.status} onChange={(e) => set({ status: e.currentTarget.value })}>
              <option value="">Mọi tình trạng</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
            <select aria-label="Vai trò" value={filter.role} onChange={(e) => set({ role: e.currentTarget.value })}>
              <option value="">Chủ trì và phối hợp</option>
              <option value="lead">Chủ trì</option>
              <option value="partner">Phối hợp</option>
            </select>
          </div>
          <div class="filter-row">
            <select aria-label="Tiêu chí" value={filter.criterion} onChange={(e) => set({ criterion: e.currentTarget.value })}>
              <option value="">Mọi tiêu chí</option>
              {usedCriteria.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.code} {c.name.length > 40 ? `${c.name.slice(0, 40)}…` : c.name}
                </option>
              ))}
            </select>
            <select aria-label="Hạn hoàn thành trong tháng" value={filter.dueMonth} onChange={(e) => set({ dueMonth: e.currentTarget.value })}>
              <option value="">Mọi hạn</option>
              {dueMonths(tasks).map((m) => (
                <option key={m} value={m}>
                  Hạn {formatPeriod(m).toLowerCase()}
                </option>
              ))}
            </select>
            <select aria-label="Sắp xếp" value={sort} onChange={(e) => setSort(e.currentTarget.value as TaskSort)}>
              <option value="plan">Theo kế hoạch</option>
              <option value="code">Theo mã</option>
              <option value="content">Theo nội dung</option>
              <option value="due">Theo hạn</option>
            </select>
          </div>
          <p class="muted small" id="task-count">
            {formatCount(shown.length)} / {formatCount(items.length)} nhiệm vụ{" "}
            {JSON.stringify(filter) !== JSON.stringify(NO_FILTER) && (
              <button class="link" onClick={() => setFilter(NO_FILTER)}>
                Bỏ lọc
              </button>
            )}
          </p>
        </div>
        {(message || statusError) && (
          <p class="error" role="alert">
            {message || statusError}
          </p>
        )}
        {shown.length === 0 ? (
          <p class="empty">Không có nhiệm vụ nào khớp bộ lọc. Bấm "Bỏ lọc" để xem tất cả.</p>
        ) : (
          <VirtualList
            label="Danh sách nhiệm vụ"
            items={shown}
            rowHeight={ROW_HEIGHT}
            height={Math.max(200, height - 300)}
            render={(it) => (
              <button
                class={it.task.code === selected ? "task-item selected" : "task-item"}
                data-code={it.task.code}
                onClick={() => setSelected(it.task.code)}
              >
                <span class="task-line">
                  <span class="code">{it.task.code}</span>
                  <span class="role">{roleLabel(it.task.role)}</span>
                  <StatusBadge status={it.status?.status} />
                </span>
                <span class="task-content">{it.task.content}</span>
                <span class="sr-only">Hạn {formatDate(it.task.due_date)}</span>
              </button>
            )}
          />
        )}
      </div>
      <div class="detail-pane">
        {current ? (
          <TaskDetail
            key={`${current.task.code}|${period}`}
            task={current.task}
            status={current.status}
            period={period}
            criteria={criteria}
            agencyNames={agencyNames}
            tasks={tasks}
            evidence={evidence}
            onSaved={refreshStatus}
            onEvidenceChanged={refreshEvidence}
          />
        ) : (
          <p class="empty">Chọn một nhiệm vụ ở danh sách bên trái để xem chi tiết và ghi tiến độ tháng này.</p>
        )}
      </div>
    </div>
  );
}
