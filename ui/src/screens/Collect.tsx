// Tổng hợp (collector mode): read a folder or files of agency workbooks for the
// month with a progress bar, the table of agencies (sent, not sent, refused with
// the reason), one agency's rows, and the consolidated workbook.

import { Fragment } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { api, toIpcError } from "../api";
import type { AgencyLine } from "../bindings/AgencyLine";
import type { CollectedMonth } from "../bindings/CollectedMonth";
import { Dialog } from "../components/Dialog";
import { SavePathRow } from "../components/SavePathRow";
import { StatusBadge } from "../components/StatusBadge";
import { useAnswer } from "../lib/answer";
import { AGENCY_STATE_WORDS, agencyState, completionText, OUTCOME_WORDS, parsePaths, progressPercent, runLine, STATUS_WORDS, summarize } from "../lib/collect";
import { formatCount, formatDate, formatPercent, formatPeriod } from "../lib/format";

type Message = { ok: boolean; text: string } | null;
type RunMessage = ReturnType<typeof runLine>;
const TONE_CLASS = { ok: "ok", mixed: "mixed", error: "error" } as const;
const STATE_CLASS = { sent: "st-green", missing: "st-grey", rejected: "st-red" } as const;

export function CollectScreen({ period }: { period: string }) {
  const stored = useAnswer(() => api.collectedMonth(period), [period]);
  // A run's answer, shown only while its month is the one asked about.
  const [ran, setRan] = useState<CollectedMonth | null>(null);
  const month = ran && ran.period === period ? ran : stored.data;
  const asked = useRef(period);
  asked.current = period;
  const [pathsText, setPathsText] = useState("");
  const [hover, setHover] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [runMessage, setRunMessage] = useState<RunMessage | null>(null);
  const [open, setOpen] = useState<AgencyLine | null>(null);

  useEffect(() => {
    setMessage(null);
    setRunMessage(null);
    setOpen(null);
  }, [period]);
  useEffect(() => api.onFileDrop((paths) => setPathsText(paths.join("\n")), setHover), []);

  /** A message of its own replaces the last run's line. */
  const say = (m: Message) => {
    setRunMessage(null);
    setMessage(m);
  };
  const pickFolder = async () => {
    try {
      const folder = await api.pickFolder("Chọn thư mục chứa các tệp báo cáo (.xlsx)");
      if (folder) setPathsText(folder);
    } catch (e) {
      say({ ok: false, text: toIpcError(e).message });
    }
  };
  const pickFiles = async () => {
    try {
      const files = await api.pickFiles("Chọn các tệp báo cáo (.xlsx)", ["xlsx"]);
      if (files.length) setPathsText(files.join("\n"));
    } catch (e) {
      say({ ok: false, text: toIpcError(e).message });
    }
  };
  const run = async () => {
    const paths = parsePaths(pathsText);
    if (paths.length === 0) return say({ ok: false, text: "Hãy chọn hoặc kéo thả thư mục chứa các tệp báo cáo (.xlsx) vào cửa sổ." });
    setMessage(null);
    setRunMessage(null);
    setProgress({ done: 0, total: 0 });
    const question = period;
    try {
      const next = await api.collect(question, paths, setProgress);
      setRan(next);
      if (asked.current === question) setRunMessage(runLine(next.outcomes));
    } catch (e) {
      if (asked.current === question) setMessage({ ok: false, text: `Chưa đọc xong. ${toIpcError(e).message}` });
    } finally {
      setProgress(null);
    }
  };

  const s = month && summarize(month);
  return (
    <div class="collect">
      <h1>Tổng hợp báo cáo {formatPeriod(period).toLowerCase()}</h1>
      <section class={hover ? "card dropzone hover" : "card dropzone"}>
        <h2>Nhận báo cáo của các cơ quan</h2>
        <p class="muted">Chọn thư mục chứa các tệp báo cáo tháng (.xlsx) nhận qua thư điện tử hoặc USB, hoặc kéo thả thư mục, tệp vào cửa sổ. Mỗi dòng một đường dẫn.</p>
        <div class="row">
          <textarea id="collect-paths" aria-label="Thư mục hoặc tệp báo cáo" rows={2} value={pathsText} onInput={(e) => setPathsText(e.currentTarget.value)} />
          <button onClick={pickFolder}>Chọn thư mục…</button>
          <button onClick={pickFiles}>Chọn tệp…</button>
          <button class="primary" id="collect-run" onClick={run} disabled={progress !== null}>
            Đọc báo cáo
          </button>
        </div>
        {progress && (
          <div class="collect-progress" id="collect-progress" role="status">
            <progress max={100} value={progressPercent(progress.done, progress.total)} />
            <span>{progress.total ? `Đã đọc ${formatCount(progress.done)}/${formatCount(progress.total)} tệp…` : "Đang tìm các tệp…"}</span>
          </div>
        )}
        {message && (
          <p id="collect-message" class={message.ok ? "ok" : "error"} role={message.ok ? "status" : "alert"}>
            {message.text}
          </p>
        )}
        {stored.error && (
          <p class="error" role="alert">
            {stored.error}
          </p>
        )}
        {runMessage && (
          <p id="collect-message" class={TONE_CLASS[runMessage.tone]} role={runMessage.tone === "ok" ? "status" : "alert"}>
            {runMessage.lead}
            {runMessage.parts.map((part, i) => (
              <Fragment key={part.text}>
                {i > 0 && ", "}
                {part.refused ? <strong class="error">{part.text}</strong> : part.text}
              </Fragment>
            ))}
            {runMessage.parts.length > 0 && "."}
          </p>
        )}
      </section>
      {month && month.outcomes.length > 0 && (
        <section class="card">
          <h2>Các tệp vừa đọc</h2>
          <table class="grid-table" id="collect-files">
            <thead>
              <tr>
                <th>Tệp</th>
                <th>Kết quả</th>
                <th>Chi tiết</th>
              </tr>
            </thead>
            <tbody>
              {month.outcomes.map((o) => (
                <tr key={o.path} data-kind={o.kind}>
                  <td class="file-name">{o.file_name}</td>
                  <td>
                    <span class={`badge ${o.kind === "rejected" ? "st-red" : o.kind === "older" ? "st-amber" : "st-green"}`}>{OUTCOME_WORDS[o.kind]}</span>
                  </td>
                  <td class="small">{o.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {month && s && (
        <section class="card">
          <h2>Các cơ quan</h2>
          <p id="collect-summary">
            {formatCount(s.agencies)} cơ quan: <strong>{formatCount(s.sent)}</strong> đã gửi, <strong>{formatCount(s.missing)}</strong> chưa gửi,{" "}
            <strong>{formatCount(s.rejected)}</strong> bị từ chối. Tỷ lệ hoàn thành
            chung: <strong>{completionText(month.total.completion)}</strong>.
          </p>
          {s.sent === 0 && <p class="empty">Chưa nhận báo cáo nào cho tháng này. Chọn thư mục chứa các tệp báo cáo rồi bấm Đọc báo cáo.</p>}
          <AgencyTable month={month} onOpen={setOpen} />
        </section>
      )}
      {month && <ConsolidatedExport period={period} fileName={month.file_name} />}
      {open && <AgencyRows period={period} agency={open} onClose={() => setOpen(null)} />}
    </div>
  );
}

function AgencyTable({ month, onOpen }: { month: CollectedMonth; onOpen: (a: AgencyLine) => void }) {
  return (
    <div class="table-scroll">
      <table class="grid-table" id="collect-table">
        <thead>
          <tr>
            <th>STT</th>
            <th>Cơ quan</th>
            <th>Tình trạng, ngày xuất</th>
            <th class="num">Số nhiệm vụ</th>
            {month.total.counts.map(([status]) => (
              <th key={status} class="num status-head">
                <StatusBadge status={STATUS_WORDS[status]} />
              </th>
            ))}
            <th class="num">Tỷ lệ hoàn thành</th>
            <th>Ghi chú</th>
          </tr>
        </thead>
        <tbody>
          {month.agencies.map((a, i) => {
            const state = agencyState(a, month.outcomes);
            return (
              <tr key={a.code} data-code={a.code} data-state={state}>
                <td class="num">{formatCount(i + 1)}</td>
                <td>
                  {a.sent ? (
                    <button class="link agency-open" onClick={() => onOpen(a)} title="Xem các nhiệm vụ trong báo cáo">
                      {a.name}
                    </button>
                  ) : (
                    a.name
                  )}
                </td>
                <td>
                  <span class={`badge ${STATE_CLASS[state]}`}>{AGENCY_STATE_WORDS[state]}</span>
                  {a.exported_on && <span class="exported nowrap">{formatDate(a.exported_on)}</span>}
                </td>
                <td class="num">{formatCount(a.tasks)}</td>
                {a.counts.map(([status, n]) => (
                  <td key={status} class="num">
                    {a.sent ? formatCount(n) : ""}
                  </td>
                ))}
                <td class="num">{completionText(a.completion)}</td>
                <td class="small note">{a.note}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <td>Tổng cộng</td>
            <td />
            <td class="num">{formatCount(month.total.tasks)}</td>
            {month.total.counts.map(([status, n]) => (
              <td key={status} class="num">
                {formatCount(n)}
              </td>
            ))}
            <td class="num">{completionText(month.total.completion)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function AgencyRows({ period, agency, onClose }: { period: string; agency: AgencyLine; onClose: () => void }) {
  const { data: rows, error } = useAnswer(() => api.collectedRows(period, agency.code), [period, agency.code]);
  return (
    <Dialog title={`Báo cáo ${formatPeriod(period).toLowerCase()} của ${agency.name}`} onClose={onClose} wide footer={<button onClick={onClose}>Đóng</button>}>
      {error && <p class="error">{error}</p>}
      {!rows && !error && <p class="muted">Đang tải…</p>}
      {rows && (
        <table class="grid-table rows-table" id="agency-rows">
          <thead>
            <tr>
              <th>Mã nhiệm vụ</th>
              <th class="content-cell">Nội dung</th>
              <th>Hạn hoàn thành</th>
              <th>Tình trạng</th>
              <th class="num">Tiến độ</th>
              <th class="result-cell">Kết quả thực hiện</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => (
              <tr key={t.code} data-code={t.code}>
                <td class="code nowrap">{t.code}</td>
                <td class="small">
                  <span class="clamp3" title={t.content}>
                    {t.content}
                  </span>
                </td>
                <td class="nowrap">{formatDate(t.due_date)}</td>
                <td>
                  <StatusBadge status={STATUS_WORDS[t.status]} />
                </td>
                <td class="num">{formatPercent(t.percent, 0)}</td>
                <td class="small">{t.result}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}

function ConsolidatedExport({ period, fileName }: { period: string; fileName: string }) {
  const [path, setPath] = useState("");
  const [written, setWritten] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);
  useEffect(() => {
    setWritten(null);
    setMessage(null);
    let current = true;
    api.defaultSavePath(fileName).then((p) => current && setPath(p), () => {});
    return () => void (current = false);
  }, [fileName]);
  const run = async () => {
    if (!path.trim()) return setMessage({ ok: false, text: "Hãy chọn nơi lưu báo cáo tổng hợp." });
    try {
      const out = await api.exportConsolidated(period, path.trim());
      setWritten(out);
      setMessage({ ok: true, text: `Đã xuất báo cáo tổng hợp vào tệp ${out}` });
    } catch (e) {
      setMessage({ ok: false, text: `Chưa xuất được. ${toIpcError(e).message}` });
    }
  };
  return (
    <section class="card">
      <h2>Xuất báo cáo tổng hợp</h2>
      <SavePathRow
        id="consolidated"
        label="Nơi lưu báo cáo tổng hợp"
        path={path}
        setPath={setPath}
        onRun={run}
        written={written}
        onError={(text) => setMessage({ ok: false, text })}
      >
        Xuất báo cáo tổng hợp
      </SavePathRow>
      {message && (
        <p id="consolidated-message" class={message.ok ? "ok" : "error"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      )}
    </section>
  );
}
