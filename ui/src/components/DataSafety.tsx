// Data safety: Settings' backup, restore (asked once, in words) and full check,
// and the notice the window shows when the check at start finds something.

import { useEffect, useState } from "preact/hooks";
import { BACKUP_FILE, api, toIpcError, type IpcError } from "../api";
import type { CheckReport } from "../bindings/CheckReport";
import type { StartReport } from "../bindings/StartReport";
import { formatCount } from "../lib/format";
import { backupFileName, ERROR_TITLES, findings, formatSize, startNotice } from "../lib/safety";
import { Dialog } from "./Dialog";
import { SavePathRow } from "./SavePathRow";

type Message = { ok: boolean; title?: string; text: string } | null;

const failure = (e: unknown, before: string): Message => {
  const err: IpcError = toIpcError(e);
  return { ok: false, title: ERROR_TITLES[err.kind], text: `${before} ${err.message}` };
};

function Said({ id, message }: { id: string; message: Message }) {
  if (!message) return null;
  return (
    <p id={id} class={message.ok ? "ok pre" : "error pre"} role={message.ok ? "status" : "alert"}>
      {message.title && <strong>{message.title}. </strong>}
      {message.text}
    </p>
  );
}

/** Backup, restore and check, for Settings (or only restore, when the data cannot be opened). */
export function DataSafety({ onRestored, restoreOnly }: { onRestored: () => void; restoreOnly?: boolean }) {
  const [backupPath, setBackupPath] = useState("");
  const [backupMsg, setBackupMsg] = useState<Message>(null);
  const [restorePath, setRestorePath] = useState("");
  const [restoreMsg, setRestoreMsg] = useState<Message>(null);
  const [confirming, setConfirming] = useState(false);
  const [check, setCheck] = useState<CheckReport | null>(null);
  const [checkMsg, setCheckMsg] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    api.defaultSavePath(backupFileName(new Date())).then((p) => current && setBackupPath(p), () => {});
    return () => void (current = false);
  }, []);

  const runBackup = async () => {
    if (!backupPath.trim()) return setBackupMsg({ ok: false, text: "Hãy chọn nơi lưu bản sao lưu." });
    setBusy(true);
    try {
      const info = await api.createBackup(backupPath.trim());
      const lost = info.missing_files.length
        ? ` ${formatCount(info.missing_files.length)} tệp tài liệu kiểm chứng bị mất hoặc đã bị thay đổi nên không có trong bản sao lưu (bấm Kiểm tra dữ liệu để xem).`
        : "";
      setBackupMsg({ ok: true, text: `Đã sao lưu vào tệp ${info.path} (${formatSize(info.size)}, ${formatCount(info.evidence_files)} tệp tài liệu kiểm chứng).${lost}` });
    } catch (e) {
      setBackupMsg(failure(e, "Chưa sao lưu được."));
    } finally {
      setBusy(false);
    }
  };
  const chooseRestore = async () => {
    try {
      const picked = await api.pickFile("Chọn tệp sao lưu (.zip)", ["zip"]);
      if (picked) setRestorePath(picked);
    } catch (e) {
      setRestoreMsg(failure(e, ""));
    }
  };
  const askRestore = () => {
    if (!restorePath.trim()) return setRestoreMsg({ ok: false, text: "Hãy chọn tệp sao lưu (.zip) cần khôi phục." });
    setRestoreMsg(null);
    setConfirming(true);
  };
  const runRestore = async () => {
    setConfirming(false);
    setBusy(true);
    try {
      const info = await api.restoreBackup(restorePath.trim());
      const kept = info.replaced_backup ? ` Dữ liệu trước khi khôi phục được giữ trong ${info.replaced_backup}.` : "";
      setRestoreMsg({ ok: true, text: `Đã khôi phục dữ liệu từ bản sao lưu (${formatCount(info.evidence_files)} tệp tài liệu kiểm chứng).${kept}` });
      onRestored();
    } catch (e) {
      setRestoreMsg(failure(e, ""));
    } finally {
      setBusy(false);
    }
  };
  const runCheck = async () => {
    setBusy(true);
    setCheck(null);
    setCheckMsg(null);
    try {
      setCheck(await api.verifyData());
    } catch (e) {
      setCheckMsg(failure(e, "Chưa kiểm tra được."));
    } finally {
      setBusy(false);
    }
  };

  const restore = (
    <>
      <h2>Khôi phục từ bản sao lưu</h2>
      <p class="muted">Thay toàn bộ dữ liệu trên máy bằng dữ liệu trong một tệp sao lưu. Tệp được kiểm tra trọn vẹn trước khi thay.</p>
      <div class="row">
        <input id="restore-path" aria-label="Tệp sao lưu cần khôi phục" placeholder="Đường dẫn tệp .zip" value={restorePath} onInput={(e) => setRestorePath(e.currentTarget.value)} />
        <button onClick={chooseRestore}>Chọn tệp…</button>
        <button class="danger" id="restore-run" onClick={askRestore} disabled={busy}>
          Khôi phục từ bản sao lưu
        </button>
      </div>
      <Said id="restore-message" message={restoreMsg} />
      {confirming && (
        <Dialog
          title="Khôi phục từ bản sao lưu?"
          onClose={() => setConfirming(false)}
          footer={
            <>
              <button onClick={() => setConfirming(false)}>Hủy</button>
              <button class="primary" id="restore-confirm" onClick={runRestore}>
                Khôi phục
              </button>
            </>
          }
        >
          <p>
            Toàn bộ dữ liệu hiện tại (tiến độ các tháng, tài liệu kiểm chứng, cơ quan và người ký, dữ liệu tổng hợp) sẽ được thay bằng dữ liệu trong tệp{" "}
            <strong>{restorePath.trim()}</strong>. Những gì ghi sau ngày sao lưu sẽ không còn trên màn hình.
          </p>
          <p>Trước khi thay, ứng dụng kiểm tra toàn bộ tệp sao lưu (tệp hỏng sẽ bị từ chối, không thay đổi gì) và tự lưu dữ liệu hiện tại thành một bản sao lưu trong thư mục backups, nên vẫn lấy lại được.</p>
          <p>Hãy đóng các cửa sổ cchc khác trước khi khôi phục.</p>
        </Dialog>
      )}
    </>
  );
  if (restoreOnly) return <section class="card safety">{restore}</section>;

  return (
    <section class="card safety" id="data-safety">
      <h2>Sao lưu dữ liệu</h2>
      <p class="muted">
        Ứng dụng tự sao lưu mỗi ngày một lần khi mở, vào thư mục backups trong thư mục dữ liệu (giữ 30 bản gần nhất). Nên sao lưu thêm ra USB hoặc ổ đĩa khác trước khi cài lại máy.
      </p>
      <SavePathRow
        id="backup"
        label="Nơi lưu bản sao lưu"
        path={backupPath}
        setPath={setBackupPath}
        kind={BACKUP_FILE}
        onRun={runBackup}
        busy={busy}
        onError={(text) => setBackupMsg({ ok: false, text })}
      >
        Sao lưu dữ liệu
      </SavePathRow>
      <Said id="backup-message" message={backupMsg} />
      <hr />
      {restore}
      <hr />
      <h2>Kiểm tra dữ liệu</h2>
      <p class="muted">Kiểm tra cơ sở dữ liệu và từng tệp tài liệu kiểm chứng (mất tệp, tệp bị sửa).</p>
      <button id="verify-run" onClick={runCheck} disabled={busy}>
        Kiểm tra dữ liệu
      </button>
      <Said id="verify-message" message={checkMsg} />
      {check && <CheckResult check={check} />}
    </section>
  );
}

function CheckResult({ check }: { check: CheckReport }) {
  const found = findings(check);
  if (found.length === 0) {
    return (
      <p id="verify-result" class="ok" role="status">
        Dữ liệu nguyên vẹn: cơ sở dữ liệu không có lỗi, {formatCount(check.report.files_checked)} tệp tài liệu kiểm chứng đúng như khi lưu.
      </p>
    );
  }
  return (
    <div id="verify-result" class="notice error-notice" role="alert">
      <strong>Phát hiện {formatCount(found.length)} vấn đề:</strong>
      <ul>
        {found.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {check.advice && <p>{check.advice}</p>}
    </div>
  );
}

/** The notice above every screen when the check at start found something. */
export function StartNotice({ start, onSettings }: { start: StartReport; onSettings: () => void }) {
  const [hidden, setHidden] = useState(false);
  const notice = startNotice(start);
  if (!notice || hidden) return null;
  return (
    <div id="start-notice" class={notice.tone === "error" ? "notice error-notice" : "notice warning-notice"} role="alert">
      <strong>{notice.title}</strong>
      <ul>
        {notice.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {notice.advice && <p>{notice.advice}</p>}
      <div class="row">
        <button onClick={onSettings}>Mở Cài đặt</button>
        <button onClick={() => setHidden(true)}>Đóng</button>
      </div>
    </div>
  );
}
