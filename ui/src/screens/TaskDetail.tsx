// One task: the plan's wording, criteria, lead and partners, deadline and due
// date; this month's form saved as the officer types (flushed on close); the
// history of earlier months; linked evidence; references found in the result
// text offered as evidence in one click.

import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { api, toIpcError } from "../api";
import type { Criterion } from "../bindings/Criterion";
import type { DocRef } from "../bindings/DocRef";
import type { EvidenceRow } from "../bindings/EvidenceRow";
import type { PendingWork } from "../bindings/PendingWork";
import type { ProgressForm } from "../bindings/ProgressForm";
import type { ProgressRow } from "../bindings/ProgressRow";
import type { State } from "../bindings/State";
import type { TaskRow } from "../bindings/TaskRow";
import type { TaskStatus } from "../bindings/TaskStatus";
import { EvidenceDialog, emptyEvidenceForm, evidenceFormOf } from "../components/EvidenceDialog";
import { StatusBadge } from "../components/StatusBadge";
import { dateProblem } from "../lib/dates";
import { debounce } from "../lib/debounce";
import { formatCount, formatDate, formatPercent, formatPeriod, formatTime } from "../lib/format";
import { registerFlush, unsavedChanged } from "../lib/pending";
import { percentProblem } from "../lib/percent";
import { roleLabel, STATES } from "../lib/status";

const DONE_ON = "Ngày hoàn thành";

interface Props {
  task: TaskRow;
  status: TaskStatus | undefined;
  period: string;
  criteria: Criterion[];
  /** Agency and group names by code, for the lead and the partners. */
  agencyNames: Map<string, string>;
  tasks: TaskRow[];
  evidence: EvidenceRow[];
  onSaved: () => void;
  onEvidenceChanged: () => void;
}

/** The form as the month's entry (or the carried-forward one) fills it. */
function initialForm(task: string, period: string, s: TaskStatus | undefined): ProgressForm {
  return {
    task,
    period,
    state: s?.entry_period ? s.state : null,
    done_on: s?.done_on ? formatDate(s.done_on) : "",
    percent: s?.percent !== null && s?.percent !== undefined ? String(s.percent) : "",
    result: s?.result ?? "",
    obstacles: s?.obstacles ?? "",
    proposals: s?.proposals ?? "",
  };
}

export function TaskDetail(p: Props) {
  const nameOf = (code: string) => p.agencyNames.get(code) ?? code;
  const [form, setForm] = useState<ProgressForm>(() => initialForm(p.task.code, p.period, p.status));
  const [saveNote, setSaveNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [history, setHistory] = useState<ProgressRow[]>([]);
  const [refs, setRefs] = useState<DocRef[]>([]);
  const [dialog, setDialog] = useState<ReturnType<typeof emptyEvidenceForm> | null>(null);
  const composing = useRef(false);
  /** What is typed but not yet saved (or refused), named for the notice at the next start. */
  const unsaved = useRef<PendingWork | null>(null);
  const carried = p.status?.entry_period && p.status.entry_period !== p.period ? p.status.entry_period : null;

  const loadHistory = () =>
    api.progressHistory(p.task.code).then(setHistory, (e) => setSaveNote({ ok: false, text: toIpcError(e).message }));

  const saver = useMemo(
    () =>
      debounce(async (f: ProgressForm) => {
        const problem = dateProblem(f.done_on, false, DONE_ON) || percentProblem(f.percent);
        if (problem) {
          setSaveNote({ ok: false, text: `Chưa lưu. ${problem}` });
          return;
        }
        try {
          await api.saveProgress(f);
          setSaveNote({ ok: true, text: `Đã lưu lúc ${formatTime(new Date())}` });
          if (!saver.pending()) {
            unsaved.current = null;
            unsavedChanged();
          }
          p.onSaved();
          void loadHistory();
        } catch (e) {
          setSaveNote({ ok: false, text: `Chưa lưu. ${toIpcError(e).message}` });
        }
      }, 700),
    // One saver per task and month (the component is keyed by both).
    [],
  );
  const findRefs = useMemo(
    () => debounce((text: string) => api.findReferences(text).then(setRefs, () => setRefs([])), 400),
    [],
  );

  useEffect(() => {
    void loadHistory();
    findRefs(form.result);
    const unregister = registerFlush(
      () => saver.flush(),
      () => unsaved.current,
    );
    return () => {
      void saver.flush().finally(unregister);
      findRefs.cancel();
    };
  }, []);

  const update = (patch: Partial<ProgressForm>) => {
    const next = { ...form, ...patch };
    if (patch.state && patch.state !== "done") next.done_on = "";
    if (patch.state === "done" && !next.percent) next.percent = "100";
    setForm(next);
    unsaved.current = { label: `Tiến độ nhiệm vụ ${p.task.code} ${formatPeriod(p.period).toLowerCase()}`, form: next };
    unsavedChanged();
    if (patch.result !== undefined) findRefs(next.result);
    if (!composing.current) saver(next);
  };
  const text = (field: "result" | "obstacles" | "proposals") => ({
    value: form[field],
    onInput: (e: Event) => update({ [field]: (e.currentTarget as HTMLTextAreaElement).value }),
    onCompositionStart: () => (composing.current = true),
    onCompositionEnd: (e: Event) => {
      composing.current = false;
      update({ [field]: (e.currentTarget as HTMLTextAreaElement).value });
    },
    onBlur: () => void saver.flush(),
  });

  const linked = p.evidence.filter((e) => e.tasks.includes(p.task.code));
  const criterionName = (code: string) => p.criteria.find((c) => c.code === code)?.name ?? "";
  const doneProblem = dateProblem(form.done_on, false, DONE_ON);
  const percentMsg = percentProblem(form.percent);

  const linkExisting = async (row: EvidenceRow) => {
    try {
      await api.updateEvidence(row.id, { ...evidenceFormOf(row), tasks: [...row.tasks, p.task.code] });
      p.onEvidenceChanged();
    } catch (e) {
      setSaveNote({ ok: false, text: toIpcError(e).message });
    }
  };

  return (
    <article class="task-detail">
      <header>
        <h1>
          <span class="code">{p.task.code}</span> <StatusBadge status={p.status?.status} />
        </h1>
        <p class="task-wording">{p.task.content}</p>
        <dl class="facts">
          <dt>Tiêu chí</dt>
          <dd>{p.task.criteria.map((c) => `${c} ${criterionName(c)}`).join("; ") || "—"}</dd>
          <dt>Cơ quan chủ trì</dt>
          <dd>
            {nameOf(p.task.lead)} <span class="muted">(vai trò của cơ quan bạn: {roleLabel(p.task.role)})</span>
          </dd>
          <dt>Cơ quan phối hợp</dt>
          <dd>{p.task.partners.map(nameOf).join("; ") || "—"}</dd>
          <dt>Thời hạn</dt>
          <dd>{p.task.deadline || "—"}</dd>
          <dt>Hạn hoàn thành</dt>
          <dd id="due-date">{p.task.due_date ? formatDate(p.task.due_date) : "Thường xuyên / không có ngày cụ thể"}</dd>
          {p.task.output && (
            <>
              <dt>Sản phẩm</dt>
              <dd>{p.task.output}</dd>
            </>
          )}
        </dl>
      </header>

      <section class="card month-form">
        <h2>
          Tiến độ {formatPeriod(p.period).toLowerCase()}
          <span class={saveNote?.ok === false ? "save-note error" : "save-note"} role="status" id="save-note">
            {saveNote?.text ?? (carried ? `Đang hiển thị số liệu ${formatPeriod(carried).toLowerCase()}; sửa để ghi cho tháng này.` : "")}
          </span>
        </h2>
        <div class="form-grid">
          <label>
            Trạng thái
            <select
              id="state"
              value={form.state ?? ""}
              onChange={(e) => update({ state: (e.currentTarget.value || null) as State | null })}
            >
              <option value="">— Chọn trạng thái —</option>
              {STATES.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Ngày hoàn thành
            <input
              id="done-on"
              inputMode="numeric"
              placeholder="dd/mm/yyyy"
              disabled={form.state !== "done"}
              value={form.done_on}
              aria-invalid={!!doneProblem}
              aria-describedby={doneProblem ? "done-on-msg" : undefined}
              onInput={(e) => update({ done_on: e.currentTarget.value })}
              onBlur={() => void saver.flush()}
            />
          </label>
          <label>
            Tiến độ (%)
            <input
              id="percent"
              inputMode="numeric"
              aria-invalid={!!percentMsg}
              aria-describedby={percentMsg ? "percent-msg" : undefined}
              value={form.percent}
              onInput={(e) => update({ percent: e.currentTarget.value })}
              onBlur={() => void saver.flush()}
            />
          </label>
        </div>
        {doneProblem && (
          <p class="error small" id="done-on-msg">
            {doneProblem}
          </p>
        )}
        {percentMsg && (
          <p class="error small" id="percent-msg">
            {percentMsg}
          </p>
        )}
        <label>
          Kết quả thực hiện
          <textarea id="result" rows={3} {...text("result")} />
        </label>
        {refs.length > 0 && (
          <div class="refs" id="refs">
            <span class="muted">Văn bản nhắc đến trong kết quả:</span>
            {refs.map((r) => {
              const known = p.evidence.find((e) => e.number === r.ref);
              if (known?.tasks.includes(p.task.code)) {
                return (
                  <span key={r.ref} class="chip ok">
                    {r.ref} — đã là tài liệu kiểm chứng
                  </span>
                );
              }
              return known ? (
                <button key={r.ref} class="chip" onClick={() => linkExisting(known)}>
                  Gắn {r.ref} vào nhiệm vụ này
                </button>
              ) : (
                <button
                  key={r.ref}
                  class="chip"
                  onClick={() =>
                    setDialog({
                      ...emptyEvidenceForm(),
                      number: r.ref,
                      date: r.date ? formatDate(r.date) : "",
                      tasks: [p.task.code],
                      criteria: [...p.task.criteria],
                    })
                  }
                >
                  Thêm {r.ref} làm tài liệu kiểm chứng
                </button>
              );
            })}
          </div>
        )}
        <div class="grid2">
          <label>
            Khó khăn, vướng mắc
            <textarea id="obstacles" rows={2} {...text("obstacles")} />
          </label>
          <label>
            Đề xuất, kiến nghị
            <textarea id="proposals" rows={2} {...text("proposals")} />
          </label>
        </div>
      </section>

      <section class="card">
        <h2>
          Tài liệu kiểm chứng <span class="count">{formatCount(linked.length)}</span>
          <button
            class="small-btn"
            id="add-evidence-for-task"
            onClick={() => setDialog({ ...emptyEvidenceForm(), tasks: [p.task.code], criteria: [...p.task.criteria] })}
          >
            Thêm tài liệu
          </button>
        </h2>
        {linked.length === 0 ? (
          <p class="empty">Chưa có tài liệu kiểm chứng cho nhiệm vụ này. Bấm Thêm tài liệu.</p>
        ) : (
          <ul class="briefs">
            {linked.map((e) => (
              <li key={e.id}>
                <strong>{e.number}</strong> ngày {formatDate(e.date)} — {e.summary}
                {e.file_name && (
                  <button class="link" onClick={() => api.openEvidence(e.id).catch((x) => setSaveNote({ ok: false, text: toIpcError(x).message }))}>
                    Mở {e.file_name}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="card">
        <h2>Các tháng trước</h2>
        {history.length === 0 ? (
          <p class="empty">Chưa ghi tiến độ tháng nào cho nhiệm vụ này.</p>
        ) : (
          <table class="table" id="history">
            <thead>
              <tr>
                <th>Kỳ</th>
                <th>Trạng thái</th>
                <th class="num">Tiến độ</th>
                <th>Kết quả thực hiện</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.period}>
                  <td>{formatPeriod(h.period)}</td>
                  <td>
                    {STATES.find((s) => s.code === h.state)?.label}
                    {h.done_on && ` (${formatDate(h.done_on)})`}
                  </td>
                  <td class="num">{formatPercent(h.percent, 0)}</td>
                  <td>{h.result}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {dialog && (
        <EvidenceDialog
          initial={dialog}
          editId={null}
          tasks={p.tasks}
          criteria={p.criteria}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            p.onEvidenceChanged();
          }}
        />
      )}
    </article>
  );
}
