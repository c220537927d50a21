// Tài liệu kiểm chứng: the agency's evidence, searchable; add, edit, delete
// (asked once), open the attached file with the system's viewer.

import { useEffect, useMemo, useState } from "preact/hooks";
import { api, toIpcError } from "../api";
import type { Criterion } from "../bindings/Criterion";
import type { EvidenceForm } from "../bindings/EvidenceForm";
import type { EvidenceRow } from "../bindings/EvidenceRow";
import type { TaskRow } from "../bindings/TaskRow";
import { Confirm } from "../components/Dialog";
import { EvidenceDialog, emptyEvidenceForm, evidenceFormOf } from "../components/EvidenceDialog";
import { formatDate } from "../lib/format";
import { matches } from "../lib/text";

type Editing = { form: EvidenceForm; id: number | null; attached: string | null };

export function EvidenceScreen() {
  const [rows, setRows] = useState<EvidenceRow[] | null>(null);
  const [tasks, setTasks] = useState<TaskRow[]>([]);
  const [criteria, setCriteria] = useState<Criterion[]>([]);
  const [query, setQuery] = useState("");
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<EvidenceRow | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const load = () => api.evidence().then(setRows, (e) => setMessage({ ok: false, text: toIpcError(e).message }));
  useEffect(() => {
    void load();
    Promise.all([api.tasks(), api.criteria()]).then(
      ([t, c]) => {
        setTasks(t);
        setCriteria(c);
      },
      (e) => setMessage({ ok: false, text: toIpcError(e).message }),
    );
  }, []);

  const shown = useMemo(
    () => (rows ?? []).filter((r) => !query || matches(`${r.number} ${r.issuer} ${r.summary} ${r.tasks.join(" ")}`, query)),
    [rows, query],
  );
  const remove = async (row: EvidenceRow) => {
    setDeleting(null);
    try {
      await api.deleteEvidence(row.id);
      setMessage({ ok: true, text: `Đã xóa tài liệu ${row.number}.` });
      void load();
    } catch (e) {
      setMessage({ ok: false, text: toIpcError(e).message });
    }
  };
  const openFile = (row: EvidenceRow) =>
    api.openEvidence(row.id).catch((e) => setMessage({ ok: false, text: toIpcError(e).message }));

  return (
    <div class="evidence">
      <div class="toolbar">
        <h1>Tài liệu kiểm chứng</h1>
        <input type="search" id="evidence-search" aria-label="Tìm tài liệu" placeholder="Tìm theo số, ký hiệu, trích yếu, nhiệm vụ" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        <button class="primary" id="add-evidence" onClick={() => setEditing({ form: emptyEvidenceForm(), id: null, attached: null })}>
          Thêm tài liệu
        </button>
      </div>
      {message && (
        <p class={message.ok ? "ok" : "error"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      )}
      {rows && rows.length === 0 && (
        <p class="empty">Chưa có tài liệu kiểm chứng nào. Thêm tài liệu từ một nhiệm vụ hoặc bấm Thêm tài liệu.</p>
      )}
      {rows && rows.length > 0 && (
        <div class="table-wrap">
          <table class="table" id="evidence-table">
            <thead>
              <tr>
                <th>Số, ký hiệu</th>
                <th>Ngày ban hành</th>
                <th>Cơ quan ban hành</th>
                <th>Trích yếu</th>
                <th>Nhiệm vụ</th>
                <th>Tệp</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.id} data-number={r.number}>
                  <td class="nowrap">
                    <strong>{r.number}</strong>
                  </td>
                  <td>{formatDate(r.date)}</td>
                  <td>{r.issuer}</td>
                  <td>{r.summary}</td>
                  <td>{r.tasks.join(", ")}</td>
                  <td>
                    {r.file_name ? (
                      <button class="link" onClick={() => openFile(r)}>
                        {r.file_name}
                      </button>
                    ) : (
                      <span class="muted">—</span>
                    )}
                  </td>
                  <td class="nowrap">
                    <button class="small-btn" onClick={() => setEditing({ form: evidenceFormOf(r), id: r.id, attached: r.file_name })}>
                      Sửa
                    </button>
                    <button class="small-btn danger" onClick={() => setDeleting(r)}>
                      Xóa
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <EvidenceDialog
          initial={editing.form}
          editId={editing.id}
          attached={editing.attached}
          tasks={tasks}
          criteria={criteria}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setMessage({ ok: true, text: "Đã lưu tài liệu kiểm chứng." });
            void load();
          }}
        />
      )}
      {deleting && (
        <Confirm
          title="Xóa tài liệu kiểm chứng"
          message={`Xóa tài liệu ${deleting.number} (${deleting.summary})? Tài liệu sẽ bị gỡ khỏi mọi nhiệm vụ và tiêu chí; không hoàn tác được.`}
          confirmLabel="Xóa"
          onConfirm={() => remove(deleting)}
          onCancel={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
