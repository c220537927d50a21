// Settings: the holiday notices the office adds each year (days off, nghỉ bù,
// swapped days, Saturdays worked), typed one line per day or run of days; the
// core checks every line and keeps each due date on the calendar it was counted with.

import { useState } from "preact/hooks";
import { api, toIpcError } from "../api";
import { useAnswer } from "../lib/answer";
import { formatDate } from "../lib/format";

const EXAMPLE = "01/01/2027 Tết Dương lịch\n05/02/2027 - 11/02/2027 Tết Nguyên đán\nLàm bù 09/01/2027";

export function HolidayNotices() {
  const listed = useAnswer(() => api.holidayNotices(), []);
  const notices = listed.data ?? [];
  const [reference, setReference] = useState("");
  const [lines, setLines] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const add = async (file?: string) => {
    try {
      const n = file ? await api.addHolidayNoticeFile(reference, file) : await api.addHolidayNotice(reference, lines);
      setMessage({ ok: true, text: `Đã thêm "${n.reference}" (${n.days.length} ngày, năm ${n.year}).` });
      setReference("");
      setLines("");
      listed.reload();
    } catch (e) {
      setMessage({ ok: false, text: toIpcError(e).message });
    }
  };
  return (
    <section class="card" id="holiday-notices">
      <h2>Thông báo ngày nghỉ lễ, Tết</h2>
      <p class="muted">
        Bảng ngày nghỉ có sẵn đến hết năm 2026. Khi có thông báo mới (ngày nghỉ, nghỉ bù, hoán đổi, thứ Bảy làm bù), ghi mỗi dòng một ngày
        hoặc một khoảng ngày và tên; thứ Bảy làm bù ghi "Làm bù" ở đầu dòng. Tệp Excel: mỗi hàng của sheet đầu tiên là một dòng như vậy
        (các ô đọc từ trái sang phải). Hạn đã tính trước đó không thay đổi.
      </p>
      <label>
        Tên, số, ký hiệu của thông báo
        <input id="notice-reference" value={reference} placeholder="Thông báo số …/TB-BNV ngày …" onInput={(e) => setReference(e.currentTarget.value)} />
      </label>
      <label>
        Các ngày
        <textarea id="notice-lines" rows={4} value={lines} placeholder={EXAMPLE} onInput={(e) => setLines(e.currentTarget.value)} />
      </label>
      <div class="row">
        <button class="primary" id="notice-add" onClick={() => void add()}>
          Thêm thông báo
        </button>
        <button
          id="notice-file"
          onClick={async () => {
            try {
              const path = await api.pickFile("Chọn tệp Excel ghi các ngày nghỉ (.xlsx)", ["xlsx"]);
              if (path) await add(path);
            } catch (e) {
              setMessage({ ok: false, text: toIpcError(e).message });
            }
          }}
        >
          Thêm từ tệp Excel…
        </button>
      </div>
      {message && (
        <p class={message.ok ? "ok" : "error"} role={message.ok ? "status" : "alert"} id="notice-message">
          {message.text}
        </p>
      )}
      {listed.error && (
        <p class="error" role="alert">
          {listed.error}
        </p>
      )}
      {notices.length > 0 && (
        <ul class="briefs">
          {notices.map((n) => (
            <li key={n.id}>
              <strong>{n.reference}</strong>
              <span class="meta">
                {n.days.map((d) => `${formatDate(d.date)} ${d.kind === "worked" ? "(làm bù)" : d.name}`).join("; ")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
