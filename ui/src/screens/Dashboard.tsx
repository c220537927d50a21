// Tổng quan: the month at a glance — counts per status, overdue and due-this-month
// tasks first, and progress by field and criterion against last year's score
// (the year before the plan's own).

import { useEffect, useRef } from "preact/hooks";
import { api } from "../api";
import { FIRST_SHOWN, OpenObligations } from "../components/OpenObligations";
import { StatusChart } from "../components/StatusChart";
import { TaskBriefs } from "../components/TaskBriefs";
import { useAnswer } from "../lib/answer";
import { formatCount, formatNumber, formatPeriod } from "../lib/format";

export function DashboardScreen({ period, year, onOpenTask }: { period: string; year: number; onOpenTask: (code: string) => void }) {
  const { data, error } = useAnswer(() => api.dashboard(period), [period]);
  // Asked beside the month's figures and drawn with them, in one frame.
  const open = useAnswer(() => api.openObligations(FIRST_SHOWN), [period]);
  const ready = data !== null && (open.data !== null || open.error !== null);
  const told = useRef(false);
  useEffect(() => {
    if (!ready || told.current) return;
    told.current = true;
    performance.mark("cchc:dashboard-data");
    // After the browser has painted the data (a frame, then a task): the start's end.
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark("cchc:painted");
        void api.firstDataShown(performance.now()).catch(() => {});
      }, 0),
    );
  }, [ready]);

  if (error) return <p class="error" role="alert">{error}</p>;
  if (!data || !ready) return <p class="muted">Đang tải…</p>;

  return (
    <div class="dashboard">
      <h1>
        Tổng quan {formatPeriod(data.period).toLowerCase()} <span class="muted">· {formatCount(data.total)} nhiệm vụ</span>
      </h1>
      <OpenObligations list={open.data} error={open.error} onOpenTask={onOpenTask} />
      <div class="grid2">
        <section class="card">
          <h2>Số nhiệm vụ theo tình trạng</h2>
          <StatusChart counts={data.counts} />
        </section>
        <div class="stack">
          <TaskBriefs id="overdue" title="Quá hạn chưa hoàn thành" items={data.overdue} empty="Không có nhiệm vụ quá hạn. Tốt lắm!" onOpen={onOpenTask} />
          <TaskBriefs id="due" title="Đến hạn trong tháng" items={data.due_this_month} empty="Không có nhiệm vụ nào đến hạn trong tháng này." onOpen={onOpenTask} />
        </div>
      </div>
      <section class="card">
        <h2>Tiến độ theo lĩnh vực và tiêu chí</h2>
        <table class="table fields">
          <thead>
            <tr>
              <th>Lĩnh vực / Tiêu chí</th>
              <th class="num">Điểm tối đa</th>
              <th class="num">Điểm năm {year - 1}</th>
              <th class="num">Bị trừ</th>
              <th class="num">Nhiệm vụ hoàn thành</th>
            </tr>
          </thead>
          <tbody>
            {data.fields.map((f) => [
              <tr class="field-row" key={`f${f.code}`}>
                <td>
                  {f.code}. {f.name}
                </td>
                <td class="num">{formatNumber(f.max_score)}</td>
                <td class="num">{formatNumber(f.score_prev)}</td>
                <td class="num lost">{formatNumber(f.points_lost ?? lost(f.max_score, f.score_prev))}</td>
                <td class="num">
                  <Progress done={f.done} total={f.tasks} />
                </td>
              </tr>,
              ...f.criteria.map((c) => (
                <tr key={c.code}>
                  <td class="indent">
                    {c.code} {c.name}
                  </td>
                  <td class="num">{formatNumber(c.max_score)}</td>
                  <td class="num">{formatNumber(c.score_prev)}</td>
                  <td class="num lost">{formatNumber(c.points_lost)}</td>
                  <td class="num">
                    <Progress done={c.done} total={c.tasks} />
                  </td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/** Points lost when the plan does not state them: the maximum less the score. */
function lost(max: number | null, score: number | null): number | null {
  return max !== null && score !== null ? Math.round((max - score) * 10000) / 10000 : null;
}

function Progress({ done, total }: { done: number; total: number }) {
  const pct = total ? Math.round((done / total) * 100) : 0;
  return (
    <span class="progress" title={`${formatCount(done)}/${formatCount(total)} nhiệm vụ đã hoàn thành`}>
      <span class="progress-bar">
        <span style={{ width: `${pct}%` }} />
      </span>
      {formatCount(done)}/{formatCount(total)}
    </span>
  );
}
