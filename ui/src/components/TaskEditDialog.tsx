// One task of the plan being written: wording, criteria, lead, partners,
// deadline (read by the core's deadline reader as it is typed, with the due
// date it resolves to), expected output.

import { useEffect, useState } from "preact/hooks";
import { api, toIpcError } from "../api";
import type { TaskDef } from "../bindings/TaskDef";
import { debounce } from "../lib/debounce";
import { formatDate } from "../lib/format";
import { splitCodes } from "../lib/plan";
import { Dialog } from "./Dialog";

interface Props {
  task: TaskDef;
  /** Agencies and groups the lead and partners are chosen from: [code, name]. */
  parties: [string, string][];
  onSave: (task: TaskDef) => void;
  onClose: () => void;
}

export function TaskEditDialog({ task, parties, onSave, onClose }: Props) {
  const [t, setT] = useState<TaskDef>(task);
  const [criteria, setCriteria] = useState(task.criteria.join("; "));
  const [partners, setPartners] = useState(task.partners.join("; "));
  const [deadlineNote, setDeadlineNote] = useState<{ ok: boolean; text: string }>({ ok: true, text: "" });
  const set = (patch: Partial<TaskDef>) => setT((prev) => ({ ...prev, ...patch }));

  const checkDeadline = useState(() =>
    debounce(async (text: string) => {
      try {
        const r = await api.checkDeadline(text);
        setDeadlineNote({
          ok: true,
          text: r.recurring ? "Thực hiện thường xuyên" : r.due_date ? `Hạn: ${formatDate(r.due_date)}` : "",
        });
      } catch (e) {
        setDeadlineNote({ ok: false, text: toIpcError(e).message });
      }
    }, 300),
  )[0];
  useEffect(() => checkDeadline(t.deadline), [t.deadline]);

  const save = () =>
    onSave({ ...t, criteria: splitCodes(criteria), partners: splitCodes(partners), output: t.output?.trim() ? t.output : null });

  return (
    <Dialog
      title={task.content ? `Sửa nhiệm vụ ${task.code}` : "Thêm nhiệm vụ"}
      onClose={onClose}
      onSubmit={save}
      wide
      footer={
        <>
          <button onClick={onClose}>Hủy</button>
          <button class="primary" id="task-edit-save" onClick={save}>
            Xong
          </button>
        </>
      }
    >
      <div class="form-grid">
        <label>
          Mã nhiệm vụ
          <input id="task-edit-code" value={t.code} onInput={(e) => set({ code: e.currentTarget.value })} />
        </label>
        <label>
          Tiêu chí (mã, cách nhau bằng ";")
          <input id="task-edit-criteria" value={criteria} onInput={(e) => setCriteria(e.currentTarget.value)} />
        </label>
        <label>
          Thuộc mục
          <input value={t.section} onInput={(e) => set({ section: e.currentTarget.value })} />
        </label>
      </div>
      <label>
        Nội dung nhiệm vụ
        <textarea id="task-edit-content" rows={3} value={t.content} onInput={(e) => set({ content: e.currentTarget.value })} />
      </label>
      <div class="form-grid">
        <label>
          Cơ quan chủ trì
          <select id="task-edit-lead" value={t.lead} onChange={(e) => set({ lead: e.currentTarget.value })}>
            <option value="">— chọn —</option>
            {parties.map(([code, name]) => (
              <option key={code} value={code}>
                {name} ({code})
              </option>
            ))}
          </select>
        </label>
        <label>
          Cơ quan phối hợp (mã, cách nhau bằng ";")
          <input id="task-edit-partners" value={partners} onInput={(e) => setPartners(e.currentTarget.value)} />
        </label>
        <label>
          Thời hạn
          <input id="task-edit-deadline" value={t.deadline} placeholder="Quý III/2026, 31/12/2026, Thường xuyên" onInput={(e) => set({ deadline: e.currentTarget.value })} />
          <span id="task-edit-deadline-note" class={deadlineNote.ok ? "muted small" : "error small"} role={deadlineNote.ok ? undefined : "alert"}>
            {deadlineNote.text}
          </span>
        </label>
      </div>
      <label>
        Sản phẩm
        <input value={t.output ?? ""} onInput={(e) => set({ output: e.currentTarget.value })} />
      </label>
    </Dialog>
  );
}
