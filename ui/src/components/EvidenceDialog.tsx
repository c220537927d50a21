// Adding or editing an evidence record: the number/symbol checked as typed
// (with the core's own message), the date as dd/mm/yyyy, a file attached by
// the dialog, by typing its path or by dropping it on the window, and links to
// tasks and criteria. Enter saves, Esc closes.

import { useEffect, useMemo, useState } from "preact/hooks";
import { api, toIpcError } from "../api";
import type { Criterion } from "../bindings/Criterion";
import type { EvidenceForm } from "../bindings/EvidenceForm";
import type { EvidenceRow } from "../bindings/EvidenceRow";
import type { TaskRow } from "../bindings/TaskRow";
import { dateProblem } from "../lib/dates";
import { debounce } from "../lib/debounce";
import { formatCount, formatDate } from "../lib/format";
import { matches } from "../lib/text";
import { Dialog } from "./Dialog";

const ISSUED_ON = "Ngày ban hành";

export function emptyEvidenceForm(): EvidenceForm {
  return { number: "", date: "", issuer: "", summary: "", location: "", tasks: [], criteria: [], file: null };
}

/** The form of a stored record (its file stays unless another is chosen). */
export function evidenceFormOf(row: EvidenceRow): EvidenceForm {
  return {
    number: row.number,
    date: formatDate(row.date),
    issuer: row.issuer,
    summary: row.summary,
    location: row.location,
    tasks: [...row.tasks],
    criteria: [...row.criteria],
    file: null,
  };
}

interface Props {
  initial: EvidenceForm;
  editId: number | null;
  attached?: string | null;
  tasks: TaskRow[];
  criteria: Criterion[];
  onClose: () => void;
  onSaved: () => void;
}

export function EvidenceDialog({ initial, editId, attached, tasks, criteria, onClose, onSaved }: Props) {
  const [form, setForm] = useState<EvidenceForm>(initial);
  const [numberMsg, setNumberMsg] = useState("");
  const [message, setMessage] = useState("");
  const [saving, setSaving] = useState(false);
  const [dropHover, setDropHover] = useState(false);
  const [taskQuery, setTaskQuery] = useState("");

  const checkNumber = useMemo(
    () =>
      debounce(async (text: string) => {
        if (!text.trim()) return setNumberMsg("");
        try {
          await api.checkReference(text);
          setNumberMsg("");
        } catch (e) {
          setNumberMsg(toIpcError(e).message);
        }
      }, 250),
    [],
  );
  useEffect(() => {
    if (initial.number) checkNumber(initial.number);
    const stop = api.onFileDrop(
      (paths) => paths[0] && setForm((f) => ({ ...f, file: paths[0] })),
      setDropHover,
    );
    return () => {
      stop();
      checkNumber.cancel();
    };
  }, [checkNumber, initial.number]);

  // A refusal is about the form as it was: editing the form clears it.
  const set = (patch: Partial<EvidenceForm>) => {
    setMessage("");
    setForm((f) => ({ ...f, ...patch }));
  };
  const toggle = (list: string[], code: string) => (list.includes(code) ? list.filter((c) => c !== code) : [...list, code]);
  const dateMsg = form.date ? dateProblem(form.date, true, ISSUED_ON) : "";

  const pick = async () => {
    try {
      const path = await api.pickFile("Chọn tệp tài liệu kiểm chứng");
      if (path) set({ file: path });
    } catch (e) {
      setMessage(toIpcError(e).message);
    }
  };
  const save = async () => {
    if (saving) return;
    const problem = dateProblem(form.date, true, ISSUED_ON);
    if (problem) {
      setMessage(`Chưa lưu. ${problem}`);
      return;
    }
    setSaving(true);
    try {
      if (editId === null) await api.addEvidence(form);
      else await api.updateEvidence(editId, form);
      onSaved();
    } catch (e) {
      setMessage(`Chưa lưu. ${toIpcError(e).message}`);
    } finally {
      setSaving(false);
    }
  };
  // Linked items first, so the officer sees what is already chosen.
  const linkedFirst = <T extends { code: string }>(list: T[], chosen: string[]) =>
    [...list].sort((a, b) => Number(chosen.includes(b.code)) - Number(chosen.includes(a.code)));
  const shownTasks = linkedFirst(
    tasks.filter((t) => !taskQuery || matches(`${t.code} ${t.content}`, taskQuery)),
    initial.tasks,
  );
  const shownCriteria = linkedFirst(criteria, initial.criteria);

  return (
    <Dialog
      title={editId === null ? "Thêm tài liệu kiểm chứng" : "Sửa tài liệu kiểm chứng"}
      onClose={onClose}
      onSubmit={save}
      wide
      footer={
        <>
          <button class="primary" id="evidence-save" onClick={save} disabled={saving}>
            Lưu
          </button>
          <button onClick={onClose}>Hủy</button>
        </>
      }
    >
      <div class="form-grid">
        <label>
          Số, ký hiệu
          <input
            id="ev-number"
            value={form.number}
            aria-invalid={!!numberMsg}
            placeholder="Ví dụ: 187/KH-UBND"
            onInput={(e) => {
              set({ number: e.currentTarget.value });
              checkNumber(e.currentTarget.value);
            }}
          />
        </label>
        <label>
          Ngày ban hành (dd/mm/yyyy)
          <input
            id="ev-date"
            value={form.date}
            aria-invalid={!!dateMsg}
            aria-describedby={dateMsg ? "ev-date-msg" : undefined}
            placeholder="dd/mm/yyyy"
            inputMode="numeric"
            onInput={(e) => set({ date: e.currentTarget.value })}
          />
        </label>
        <label>
          Cơ quan ban hành
          <input id="ev-issuer" value={form.issuer} onInput={(e) => set({ issuer: e.currentTarget.value })} />
        </label>
      </div>
      {numberMsg && <p class="error small" id="ev-number-msg">{numberMsg}</p>}
      {dateMsg && <p class="error small" id="ev-date-msg">{dateMsg}</p>}
      <label>
        Trích yếu
        <input id="ev-summary" value={form.summary} onInput={(e) => set({ summary: e.currentTarget.value })} />
      </label>
      <label>
        Mục/trang (nếu chỉ một phần tài liệu chứng minh)
        <input id="ev-location" value={form.location} onInput={(e) => set({ location: e.currentTarget.value })} />
      </label>
      <div class={dropHover ? "dropzone hover" : "dropzone"}>
        <span>
          Tệp đính kèm: {form.file ? <strong id="ev-file-name">{form.file}</strong> : attached ? `${attached} (giữ nguyên)` : "chưa có"}
        </span>
        <div class="row">
          <input
            id="ev-file"
            aria-label="Đường dẫn tệp đính kèm"
            placeholder="Kéo thả tệp vào đây, bấm Chọn tệp…, hoặc dán đường dẫn"
            value={form.file ?? ""}
            onInput={(e) => set({ file: e.currentTarget.value || null })}
          />
          <button type="button" onClick={pick}>
            Chọn tệp…
          </button>
        </div>
      </div>
      <div class="grid2 links">
        <fieldset>
          <legend>Gắn với nhiệm vụ ({formatCount(form.tasks.length)})</legend>
          <input type="search" aria-label="Tìm nhiệm vụ để gắn" placeholder="Tìm nhiệm vụ" value={taskQuery} onInput={(e) => setTaskQuery(e.currentTarget.value)} />
          <CheckList items={shownTasks.map((t) => ({ code: t.code, text: t.content }))} chosen={form.tasks} onToggle={(code) => set({ tasks: toggle(form.tasks, code) })} />
        </fieldset>
        <fieldset>
          <legend>Gắn với tiêu chí ({formatCount(form.criteria.length)})</legend>
          <CheckList items={shownCriteria.map((c) => ({ code: c.code, text: c.name }))} chosen={form.criteria} onToggle={(code) => set({ criteria: toggle(form.criteria, code) })} />
        </fieldset>
      </div>
      {message && (
        <p class="error" role="alert" id="ev-message">
          {message}
        </p>
      )}
    </Dialog>
  );
}

/** Checkboxes for linking to tasks or criteria, each shown with its code. */
function CheckList(props: { items: { code: string; text: string }[]; chosen: string[]; onToggle: (code: string) => void }) {
  return (
    <div class="checklist">
      {props.items.map((it) => (
        <label key={it.code} class="check">
          <input type="checkbox" checked={props.chosen.includes(it.code)} onChange={() => props.onToggle(it.code)} />
          <span>
            <span class="code">{it.code}</span> {it.text}
          </span>
        </label>
      ))}
    </div>
  );
}
