// A task's obligations (việc phát sinh): each event with its due date and why,
// the working days left or used, its status; recording an event from pasted
// text (the core's reader fills số/ký hiệu, ngày, cơ quan ban hành) and settling
// one with the answering document, which becomes evidence of the task.

import type { ComponentChildren, JSX } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import { api, toIpcError } from "../api";
import type { ObligationForm } from "../bindings/ObligationForm";
import type { ObligationRow } from "../bindings/ObligationRow";
import type { SettleForm } from "../bindings/SettleForm";
import type { TaskRow } from "../bindings/TaskRow";
import { useAnswer } from "../lib/answer";
import { dateProblem } from "../lib/dates";
import { debounce } from "../lib/debounce";
import { formatDate } from "../lib/format";
import { countsFromReceipt, daysLeftText, urgency } from "../lib/obligations";
import { Dialog } from "./Dialog";

interface Props {
  task: TaskRow;
  /** Called after a settlement, which adds evidence. */
  onEvidenceChanged: () => void;
}

export function ObligationsCard({ task, onEvidenceChanged }: Props) {
  const answer = useAnswer(() => api.taskObligations(task.code), [task.code]);
  const rows = answer.data ?? [];
  const [done, setDone] = useState<string | null>(null);
  const message = answer.error ? { ok: false, text: answer.error } : done ? { ok: true, text: done } : null;
  const [adding, setAdding] = useState(false);
  const [settling, setSettling] = useState<ObligationRow | null>(null);

  return (
    <section class="card" id="obligations">
      <h2>
        Việc phát sinh <span class="count">{rows.length}</span>
        <button class="small-btn" id="add-obligation" onClick={() => setAdding(true)}>
          Ghi việc phát sinh
        </button>
      </h2>
      <p class="muted small">Mỗi văn bản làm phát sinh thời hạn tính theo ngày làm việc: {task.deadline}</p>
      {message && (
        <p class={message.ok ? "ok" : "error"} role={message.ok ? "status" : "alert"} id="obligation-message">
          {message.text}
        </p>
      )}
      {rows.length === 0 ? (
        <p class="empty">Chưa ghi việc phát sinh nào cho nhiệm vụ này.</p>
      ) : (
        <ul class="briefs obligations">
          {rows.map((o) => (
            <li key={o.id} class={urgency(o)} data-id={o.id}>
              <span>
                <strong>{o.number}</strong> ngày {formatDate(o.date)}
                {o.issuer && ` của ${o.issuer}`} — hạn <strong class="due">{formatDate(o.due_date)}</strong>
              </span>
              {o.why && <span class="meta why">{o.why}</span>}
              <span class="meta">
                <span class={o.status === "Quá hạn chưa xử lý" || o.status === "Xử lý quá hạn" ? "badge st-red" : o.settled_on ? "badge st-green" : "badge st-blue"}>
                  {o.status}
                </span>
                {o.settled_on
                  ? ` · xử lý bằng ${o.settled_number} ngày ${formatDate(o.settled_on)} (${o.used_working_days} ngày làm việc)`
                  : ` · ${daysLeftText(o)}`}
                {!o.settled_on && (
                  <button class="link settle" onClick={() => setSettling(o)}>
                    Ghi văn bản xử lý
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {adding && (
        <AddDialog
          task={task}
          onClose={() => setAdding(false)}
          onSaved={(row) => {
            setAdding(false);
            setDone(`Đã ghi việc phát sinh ${row.number}: hạn xử lý ${formatDate(row.due_date)}.`);
            answer.reload();
          }}
        />
      )}
      {settling && (
        <SettleDialog
          row={settling}
          onClose={() => setSettling(null)}
          onSaved={(row) => {
            setSettling(null);
            setDone(`Đã ghi văn bản xử lý ${row.settled_number}: ${row.status.toLowerCase()}.`);
            answer.reload();
            onEvidenceChanged();
          }}
        />
      )}
    </section>
  );
}

function AddDialog({ task, onClose, onSaved }: { task: TaskRow; onClose: () => void; onSaved: (row: ObligationRow) => void }) {
  const receipt = countsFromReceipt(task.deadline);
  const [pasted, setPasted] = useState("");
  const [form, setForm] = useState<ObligationForm>({ task: task.code, number: "", date: "", received: "", issuer: "", summary: "" });
  const read = useMemo(
    () =>
      debounce(async (text: string) => {
        const f = await api.readEventText(text);
        if (f.number) setForm((old) => ({ ...old, number: f.number, date: f.date || old.date, issuer: f.issuer || old.issuer, summary: f.summary || old.summary }));
      }, 250),
    [],
  );
  useEffect(() => () => read.cancel(), [read]);
  const checks = useChecks(() => ({
    "obligation-date": dateProblem(form.date, true, "Ngày văn bản"),
    "obligation-received": dateProblem(form.received, receipt, "Ngày nhận"),
  }));
  const set = (patch: Partial<ObligationForm>) => {
    checks.typed();
    setForm((f) => ({ ...f, ...patch }));
  };
  return (
    <RecordDialog
      title={`Ghi việc phát sinh — nhiệm vụ ${task.code}`}
      id="obligation"
      checks={checks}
      onClose={onClose}
      onSave={async () => onSaved(await api.addObligation(form))}
    >
      <label>
        Dán trích yếu văn bản (ứng dụng tự điền số, ngày, cơ quan ban hành)
        <textarea
          id="obligation-paste"
          rows={2}
          data-autofocus
          value={pasted}
          placeholder="Quyết định số 1234/QĐ-BTP ngày 05/3/2026 của Bộ Tư pháp về việc…"
          onInput={(e) => {
            setPasted(e.currentTarget.value);
            read(e.currentTarget.value);
          }}
        />
      </label>
      <div class="form-grid">
        <label>
          Số, ký hiệu
          <input id="obligation-number" value={form.number} onInput={(e) => set({ number: e.currentTarget.value })} />
        </label>
        <label>
          Ngày văn bản
          <input id="obligation-date" {...checks.marks("obligation-date")} value={form.date} onInput={(e) => set({ date: e.currentTarget.value })} />
        </label>
        <label>
          Ngày nhận{receipt ? "" : " (nếu có)"}
          <input id="obligation-received" {...checks.marks("obligation-received")} value={form.received} onInput={(e) => set({ received: e.currentTarget.value })} />
        </label>
      </div>
      {checks.messages()}
      <label>
        Cơ quan ban hành
        <input id="obligation-issuer" value={form.issuer} onInput={(e) => set({ issuer: e.currentTarget.value })} />
      </label>
      <label>
        Trích yếu
        <input id="obligation-summary" value={form.summary} onInput={(e) => set({ summary: e.currentTarget.value })} />
      </label>
      <p class="muted small">
        {receipt ? "Thời hạn tính từ ngày nhận." : "Thời hạn tính từ ngày của văn bản."} Ngày đó không tính; ngày thứ nhất là ngày làm việc kế tiếp.
      </p>
    </RecordDialog>
  );
}

function SettleDialog({ row, onClose, onSaved }: { row: ObligationRow; onClose: () => void; onSaved: (row: ObligationRow) => void }) {
  const [form, setForm] = useState<SettleForm>({ number: "", date: "" });
  const checks = useChecks(() => ({ "settle-date": dateProblem(form.date, true, "Ngày xử lý") }));
  const set = (patch: Partial<SettleForm>) => {
    checks.typed();
    setForm((f) => ({ ...f, ...patch }));
  };
  return (
    <RecordDialog
      title={`Văn bản xử lý ${row.number} (hạn ${formatDate(row.due_date)})`}
      id="settle"
      checks={checks}
      onClose={onClose}
      onSave={async () => onSaved(await api.settleObligation(row.id, form))}
    >
      <div class="form-grid">
        <label>
          Số, ký hiệu văn bản xử lý
          <input id="settle-number" data-autofocus value={form.number} onInput={(e) => set({ number: e.currentTarget.value })} />
        </label>
        <label>
          Ngày
          <input id="settle-date" {...checks.marks("settle-date")} value={form.date} onInput={(e) => set({ date: e.currentTarget.value })} />
        </label>
      </div>
      {checks.messages()}
      <p class="muted small">Văn bản này được thêm vào tài liệu kiểm chứng của nhiệm vụ.</p>
    </RecordDialog>
  );
}

interface Checks {
  /** Runs the checks; true when every field is fine. */
  pass: () => boolean;
  /** The officer typed again: the marks and the refusal are about the form as it was, so they go. */
  typed: () => void;
  /** A date field's attributes: its placeholder, and its mark while its problem stands. */
  marks: (id: string) => { placeholder: string; inputMode: "numeric"; "aria-invalid": boolean; "aria-describedby"?: string };
  /** The problems, under the fields, each with the id its field points to. */
  messages: () => JSX.Element[];
  /** The shell's refusal of the last save, "" when none. */
  refusal: string;
  refuse: (text: string) => void;
}

/** The date fields of a dialog, checked when it is saved; `check` gives each field's problem by its id ("" when fine). */
function useChecks(check: () => Record<string, string>): Checks {
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [refusal, refuse] = useState("");
  return {
    pass: () => {
      const found = check();
      setProblems(found);
      refuse("");
      return !Object.values(found).some(Boolean);
    },
    typed: () => {
      setProblems({});
      refuse("");
    },
    marks: (id) => ({
      placeholder: "dd/mm/yyyy",
      inputMode: "numeric",
      "aria-invalid": !!problems[id],
      "aria-describedby": problems[id] ? `${id}-msg` : undefined,
    }),
    messages: () =>
      Object.entries(problems)
        .filter(([, text]) => text)
        .map(([id, text]) => (
          <p key={id} class="error small" id={`${id}-msg`}>
            {text}
          </p>
        )),
    refusal,
    refuse,
  };
}

/**
 * A dialog that records something: "Ghi" saves (Enter too) once the checks
 * pass, and the shell's refusal is shown under the form (`#<id>-error`).
 */
function RecordDialog(props: { title: string; id: string; checks: Checks; onClose: () => void; onSave: () => Promise<void>; children: ComponentChildren }) {
  const { checks } = props;
  const save = async () => {
    if (!checks.pass()) return;
    try {
      await props.onSave();
    } catch (e) {
      checks.refuse(toIpcError(e).message);
    }
  };
  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      onSubmit={save}
      footer={
        <>
          <button class="primary" id={`${props.id}-save`} onClick={save}>
            Ghi
          </button>
          <button onClick={props.onClose}>Hủy</button>
        </>
      }
    >
      {props.children}
      {checks.refusal && (
        <p class="error" role="alert" id={`${props.id}-error`}>
          {checks.refusal}
        </p>
      )}
    </Dialog>
  );
}
