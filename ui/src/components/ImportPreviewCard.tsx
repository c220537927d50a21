// What a plan workbook would change, shown before anything is saved: a new
// plan or a newer version of the current one, tasks added, changed, retired
// and removed, and the officer's own task count; then the switch in one step.

import type { ImportPreview } from "../bindings/ImportPreview";

export function ImportPreviewCard({ preview, onConfirm, onCancel }: { preview: ImportPreview; onConfirm: () => void; onCancel: () => void }) {
  const c = preview.changes;
  const title =
    preview.kind === "new-version"
      ? `Phiên bản ${preview.version} của kế hoạch "${preview.name}" (đang có phiên bản ${preview.from_version ?? 0})`
      : preview.kind === "new-plan"
        ? `Kế hoạch mới: "${preview.name}" (năm ${preview.year})`
        : `Thêm nhiệm vụ vào kế hoạch "${preview.name}"`;
  const lines: [string, string[]][] = [
    ["Nhiệm vụ thêm", c.added],
    ["Nhiệm vụ sửa", c.changed],
    ["Nhiệm vụ thôi thực hiện (giữ lịch sử đã ghi)", c.retired],
    ["Nhiệm vụ bỏ", c.removed],
    ["Cơ quan, nhóm thêm", c.agencies_added],
    ["Cơ quan, nhóm thôi", c.agencies_retired],
    ["Kế thừa", c.successions_added],
  ];
  return (
    <div class="card" id="import-preview">
      <h3>{title}</h3>
      <ul>
        {lines
          .filter(([, list]) => list.length > 0)
          .map(([label, list]) => (
            <li key={label}>
              {label}: <strong>{list.length}</strong>
              {list.length <= 12 && <span class="muted"> ({list.join(", ")})</span>}
            </li>
          ))}
        {preview.own_tasks !== null && (
          <li>
            Cơ quan của bạn có <strong id="import-own-tasks">{preview.own_tasks}</strong> nhiệm vụ (chủ trì hoặc phối hợp).
          </li>
        )}
      </ul>
      <div class="row">
        <button class="primary" id="import-switch" onClick={onConfirm}>
          {preview.kind === "tasks" ? "Thêm nhiệm vụ" : "Chuyển sang kế hoạch này"}
        </button>
        <button onClick={onCancel}>Hủy</button>
      </div>
    </div>
  );
}
