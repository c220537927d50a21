// Xuất báo cáo: the month's summary that will be sent, what is still missing,
// where to save (default file name from the spec), then open the folder.

import { useEffect, useState } from "preact/hooks";
import { api, toIpcError } from "../api";
import { StatusBadge } from "../components/StatusBadge";
import { SavePathRow } from "../components/SavePathRow";
import { TaskBriefs } from "../components/TaskBriefs";
import { useAnswer } from "../lib/answer";
import { formatCount, formatPeriod } from "../lib/format";

export function ExportScreen({ period, onOpenTask }: { period: string; onOpenTask: (code: string) => void }) {
  const { data: preview, error } = useAnswer(() => api.exportPreview(period), [period]);
  const [path, setPath] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [written, setWritten] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fileName = preview?.file_name;
  useEffect(() => {
    setMessage(null);
    setWritten(null);
    if (!fileName) return;
    let current = true;
    api.defaultSavePath(fileName).then((p) => current && setPath(p), () => {});
    return () => void (current = false);
  }, [fileName]);

  const run = async () => {
    if (!path.trim()) {
      setMessage({ ok: false, text: "Hãy chọn nơi lưu tệp báo cáo." });
      return;
    }
    setBusy(true);
    try {
      const out = await api.exportMonth(period, path.trim());
      setWritten(out);
      setMessage({ ok: true, text: `Đã xuất báo cáo ${formatPeriod(period).toLowerCase()} vào tệp ${out}` });
    } catch (e) {
      setMessage({ ok: false, text: `Chưa xuất được. ${toIpcError(e).message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="export">
      <h1>Xuất báo cáo {formatPeriod(period).toLowerCase()}</h1>
      {!preview && !error && <p class="muted">Đang tải…</p>}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <>
          <section class="card">
            <h2>Nội dung sẽ gửi</h2>
            <p>
              {preview.agency}: <strong>{formatCount(preview.total)}</strong> nhiệm vụ, <strong>{formatCount(preview.evidence)}</strong> tài liệu kiểm chứng (
              {formatCount(preview.evidence_this_month)} ban hành trong tháng); {formatCount(preview.overdue)} nhiệm vụ quá hạn, {formatCount(preview.due_this_month)} đến hạn
              trong tháng.
            </p>
            <ul class="counts">
              {preview.counts.map((c) => (
                <li key={c.status}>
                  <StatusBadge status={c.status} /> <strong>{formatCount(c.count)}</strong>
                </li>
              ))}
            </ul>
          </section>
          <div class="grid2">
            <TaskBriefs id="missing" title="Nhiệm vụ chưa ghi tiến độ tháng này" items={preview.missing_entries} empty="Mọi nhiệm vụ đã có số liệu tháng này." onOpen={onOpenTask} scroll />
            <TaskBriefs id="no-evidence" title="Đã hoàn thành nhưng chưa có tài liệu kiểm chứng" items={preview.done_without_evidence} empty="Mọi nhiệm vụ đã hoàn thành đều có tài liệu kiểm chứng." onOpen={onOpenTask} scroll />
          </div>
          <section class="card">
            <h2>Lưu tệp báo cáo</h2>
            <SavePathRow
              id="export"
              label="Nơi lưu tệp báo cáo"
              path={path}
              setPath={setPath}
              onRun={run}
              busy={busy}
              written={written}
              onError={(text) => setMessage({ ok: false, text })}
            >
              Xuất báo cáo
            </SavePathRow>
          </section>
        </>
      )}
      {message && (
        <p class={message.ok ? "ok" : "error"} role={message.ok ? "status" : "alert"} id="export-message">
          {message.text}
        </p>
      )}
    </div>
  );
}
