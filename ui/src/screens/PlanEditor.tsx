// Kế hoạch (collector mode): the office writes next year's plan. A new plan
// from the current one or an empty one; its identity; last year's results
// (typed or pasted, points lost computed); tasks added, edited, deleted,
// reordered, carried over; agencies and groups; the core's checks; saving;
// publishing the whole-plan workbook.

import { useEffect, useState } from "preact/hooks";
import { api, toIpcError } from "../api";
import type { CarryOver } from "../bindings/CarryOver";
import type { PlanData } from "../bindings/PlanData";
import type { PlanSummary } from "../bindings/PlanSummary";
import type { TaskDef } from "../bindings/TaskDef";
import { TaskEditDialog } from "../components/TaskEditDialog";
import { PlanParties } from "../components/PlanParties";
import { PlanResults } from "../components/PlanResults";
import { SavePathRow } from "../components/SavePathRow";
import { parseTypedDate } from "../lib/dates";
import { formatDate } from "../lib/format";
import { move, nextTaskCode } from "../lib/plan";
import { STATUS_WORDS } from "../lib/status";

type Tab = "info" | "results" | "tasks" | "parties" | "publish";
type Note = { ok: boolean; text: string } | null;

export function PlanEditorScreen({ currentPlan }: { currentPlan: number }) {
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [id, setId] = useState<number | null>(null);
  const [data, setData] = useState<PlanData | null>(null);
  const [dirty, setDirty] = useState(false);
  const [tab, setTab] = useState<Tab>("tasks");
  const [note, setNote] = useState<Note>(null);
  const [problems, setProblems] = useState<string[] | null>(null);
  const [editing, setEditing] = useState<{ index: number; task: TaskDef } | null>(null);
  const [newName, setNewName] = useState("");
  const [newYear, setNewYear] = useState(String(new Date().getFullYear() + 1));
  const [fromCurrent, setFromCurrent] = useState(true);
  const [issued, setIssued] = useState("");
  const [carry, setCarry] = useState<CarryOver[] | null>(null);
  const [publishPath, setPublishPath] = useState("");
  const [published, setPublished] = useState<string | null>(null);

  const fail = (e: unknown) => setNote({ ok: false, text: toIpcError(e).message });
  const loadPlans = () => api.plans().then(setPlans, fail);
  const open = async (planId: number) => {
    try {
      const next = await api.planData(planId);
      setId(planId);
      setData(next);
      setIssued(formatDate(next.meta.issued_on));
      setDirty(false);
      setProblems(null);
      setCarry(null);
      const suggested = await api.defaultSavePath(`KH-CCHC-${next.meta.year}.xlsx`);
      setPublishPath((p) => p || suggested);
    } catch (e) {
      fail(e);
    }
  };
  useEffect(() => {
    void loadPlans();
    void open(currentPlan);
  }, [currentPlan]);

  const change = (next: PlanData) => {
    setData(next);
    setDirty(true);
    setProblems(null);
  };

  const createPlan = async () => {
    try {
      const created = await api.newPlan(newName, newYear, fromCurrent ? id ?? currentPlan : null);
      await loadPlans();
      await open(created);
      setNote({ ok: true, text: `Đã tạo kế hoạch mới (số ${created}).` });
    } catch (e) {
      fail(e);
    }
  };
  const save = async () => {
    if (!data || id === null) return;
    const issuedIso = issued.trim() ? parseTypedDate(issued) : null;
    if (issued.trim() && !issuedIso) {
      setNote({ ok: false, text: `Ngày ban hành "${issued.trim()}" không hợp lệ: nhập theo dạng ngày/tháng/năm.` });
      return;
    }
    try {
      const changes = await api.savePlan(id, { ...data, meta: { ...data.meta, issued_on: issuedIso } });
      setDirty(false);
      await loadPlans();
      await open(id);
      const parts = [
        changes.added.length && `thêm ${changes.added.length} nhiệm vụ`,
        changes.changed.length && `sửa ${changes.changed.length}`,
        changes.removed.length + changes.retired.length && `bỏ ${changes.removed.length + changes.retired.length}`,
      ].filter(Boolean);
      setNote({ ok: true, text: `Đã lưu kế hoạch${parts.length ? `: ${parts.join(", ")}` : ""}.` });
    } catch (e) {
      fail(e);
    }
  };
  const check = async () => {
    if (!data) return;
    try {
      setProblems(await api.checkPlanData(data));
    } catch (e) {
      fail(e);
    }
  };
  const publish = async () => {
    if (!data || id === null) return;
    try {
      const found = await api.checkPlanData(data);
      setProblems(found);
      if (found.length || !publishPath.trim()) return;
      const version = await api.publishPlan(id, publishPath.trim());
      await open(id);
      setPublished(publishPath.trim());
      setNote({ ok: true, text: `Đã ban hành phiên bản ${version}: ${publishPath.trim()}` });
    } catch (e) {
      fail(e);
    }
  };
  const loadCarry = async (from: number) => {
    try {
      setCarry(await api.unfinishedTasks(from));
    } catch (e) {
      fail(e);
    }
  };

  if (!data || id === null) return <p class="muted">{note?.text ?? "Đang tải…"}</p>;
  const parties: [string, string][] = [
    ...data.agencies.map((a): [string, string] => [a.code, a.name]),
    ...data.groups.map((g): [string, string] => [g.code, g.name]),
  ];
  const nameOf = (code: string) => parties.find(([c]) => c === code)?.[1] ?? code;
  const setTasks = (tasks: TaskDef[]) => change({ ...data, tasks });
  const blankTask = (): TaskDef => ({
    code: nextTaskCode(data.tasks.map((t) => t.code)),
    section: "",
    content: "",
    criteria: [],
    lead: "",
    partners: [],
    deadline: "",
    output: null,
  });

  return (
    <div class="plan-editor">
      <h1>Kế hoạch</h1>
      <section class="card">
        <div class="row">
          <label>
            Kế hoạch đang soạn
            <select id="plan-pick" value={String(id)} onChange={(e) => void open(Number(e.currentTarget.value))}>
              {plans.map((p) => (
                <option key={p.id} value={String(p.id)}>
                  {p.name} (năm {p.year}){p.current ? " · đang dùng" : ""}
                </option>
              ))}
            </select>
          </label>
          <span class="muted">Phiên bản đã ban hành: {data.meta.version || "chưa ban hành"}</span>
        </div>
        <details>
          <summary>Tạo kế hoạch mới</summary>
          <div class="row">
            <input id="new-plan-name" placeholder="Tên kế hoạch" value={newName} onInput={(e) => setNewName(e.currentTarget.value)} />
            <input id="new-plan-year" class="narrow" value={newYear} onInput={(e) => setNewYear(e.currentTarget.value)} />
            <label class="check">
              <input type="checkbox" checked={fromCurrent} onChange={(e) => setFromCurrent(e.currentTarget.checked)} />
              Sao chép từ kế hoạch đang soạn (lĩnh vực, tiêu chí, cơ quan, nhóm, nhiệm vụ)
            </label>
            <button id="new-plan-create" onClick={createPlan}>
              Tạo
            </button>
          </div>
        </details>
      </section>
      <div class="toolbar" role="tablist">
        {(
          [
            ["info", "Thông tin"],
            ["results", "Kết quả năm trước"],
            ["tasks", `Nhiệm vụ (${data.tasks.length})`],
            ["parties", "Cơ quan và nhóm"],
            ["publish", "Kiểm tra và ban hành"],
          ] as [Tab, string][]
        ).map(([t, label]) => (
          <button key={t} id={`plan-tab-${t}`} role="tab" aria-selected={tab === t} class={tab === t ? "primary" : ""} onClick={() => setTab(t)}>
            {label}
          </button>
        ))}
        <button id="plan-save" class={dirty ? "primary" : ""} disabled={!dirty} onClick={save}>
          {dirty ? "Lưu kế hoạch" : "Đã lưu"}
        </button>
      </div>
      {note && (
        <p id="plan-note" class={note.ok ? "ok" : "error pre"} role={note.ok ? "status" : "alert"}>
          {note.text}
        </p>
      )}
      {tab === "info" && (
        <section class="card form-grid">
          <label>
            Tên kế hoạch
            <input value={data.meta.name} onInput={(e) => change({ ...data, meta: { ...data.meta, name: e.currentTarget.value } })} />
          </label>
          <label>
            Năm
            <input value={String(data.meta.year)} onInput={(e) => change({ ...data, meta: { ...data.meta, year: Number(e.currentTarget.value) || 0 } })} />
          </label>
          <label>
            Tỉnh
            <input value={data.meta.province} onInput={(e) => change({ ...data, meta: { ...data.meta, province: e.currentTarget.value } })} />
          </label>
          <label>
            Số, ký hiệu
            <input value={data.meta.reference} placeholder="/KH-UBND" onInput={(e) => change({ ...data, meta: { ...data.meta, reference: e.currentTarget.value } })} />
          </label>
          <label>
            Ngày ban hành
            <input value={issued} placeholder="dd/mm/yyyy" onInput={(e) => { setIssued(e.currentTarget.value); setDirty(true); }} />
          </label>
        </section>
      )}
      {tab === "results" && <PlanResults data={data} onChange={change} />}
      {tab === "tasks" && (
        <section class="card">
          <div class="row">
            <button id="task-add" class="primary" onClick={() => setEditing({ index: -1, task: blankTask() })}>
              Thêm nhiệm vụ
            </button>
            <label>
              Chuyển nhiệm vụ chưa hoàn thành từ
              <select id="carry-from" value="" onChange={(e) => e.currentTarget.value && void loadCarry(Number(e.currentTarget.value))}>
                <option value="">— chọn kế hoạch —</option>
                {plans.filter((p) => p.id !== id).map((p) => (
                  <option key={p.id} value={String(p.id)}>
                    {p.name} (năm {p.year})
                  </option>
                ))}
              </select>
            </label>
          </div>
          {carry && (
            <div class="card">
              <p>
                {carry.length} nhiệm vụ chưa hoàn thành. Mã đã có trong kế hoạch này được bỏ qua; thời hạn cần sửa lại theo năm {data.meta.year}.
              </p>
              <ul class="checklist">
                {carry.map((c) => (
                  <li key={c.task.code}>
                    <span class="code">{c.task.code}</span> {c.task.content.slice(0, 90)} — <em>{c.status ? STATUS_WORDS[c.status] : "Chưa có báo cáo"}</em>
                  </li>
                ))}
              </ul>
              <button
                id="carry-run"
                onClick={() => {
                  const have = new Set(data.tasks.map((t) => t.code));
                  setTasks([...data.tasks, ...carry.map((c) => c.task).filter((t) => !have.has(t.code))]);
                  setCarry(null);
                }}
              >
                Chuyển {carry.length} nhiệm vụ sang kế hoạch này
              </button>
            </div>
          )}
          <table class="table" id="plan-tasks">
            <thead>
              <tr>
                <th>Mã</th>
                <th>Nội dung</th>
                <th>Chủ trì</th>
                <th>Thời hạn</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.tasks.map((t, i) => (
                <tr key={t.code}>
                  <td class="code">{t.code}</td>
                  <td class="clamp">{t.content}</td>
                  <td>{nameOf(t.lead)}</td>
                  <td>{t.deadline}</td>
                  <td class="nowrap">
                    <button class="small-btn" aria-label={`Chuyển ${t.code} lên`} onClick={() => setTasks(move(data.tasks, i, -1))}>↑</button>
                    <button class="small-btn" aria-label={`Chuyển ${t.code} xuống`} onClick={() => setTasks(move(data.tasks, i, 1))}>↓</button>
                    <button class="small-btn" onClick={() => setEditing({ index: i, task: t })}>Sửa</button>
                    <button class="small-btn" onClick={() => setTasks(data.tasks.filter((_, j) => j !== i))}>Xóa</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {tab === "parties" && <PlanParties data={data} onChange={change} />}
      {tab === "publish" && (
        <section class="card">
          <p class="muted">Kiểm tra toàn bộ kế hoạch trước khi ban hành; kế hoạch còn lỗi thì không ban hành được. Hãy lưu kế hoạch trước.</p>
          <button id="plan-check" onClick={check}>
            Kiểm tra
          </button>
          <SavePathRow id="plan-publish" label="Tệp kế hoạch ban hành" path={publishPath} setPath={setPublishPath} onRun={publish} busy={dirty} written={published} onError={(text) => setNote({ ok: false, text })}>
            Ban hành
          </SavePathRow>
          {problems && problems.length === 0 && (
            <p class="ok" role="status" id="plan-problems">
              Kế hoạch không có lỗi, có thể ban hành.
            </p>
          )}
          {problems && problems.length > 0 && (
            <ul class="error" role="alert" id="plan-problems">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      {editing && (
        <TaskEditDialog
          task={editing.task}
          parties={parties}
          onClose={() => setEditing(null)}
          onSave={(task) => {
            const tasks = data.tasks.slice();
            if (editing.index < 0) tasks.push(task);
            else tasks[editing.index] = task;
            setTasks(tasks);
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}
