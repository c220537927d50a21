// First run: the officer picks their agency from the plan's list and types the
// signer's name; both can be changed later in Cài đặt.

import { useEffect, useState } from "preact/hooks";
import { api, toIpcError } from "../api";
import type { AgencyRow } from "../bindings/AgencyRow";
import { AgencyPicker } from "../components/AgencyPicker";

export function FirstRun({ plan, onDone }: { plan: string; onDone: () => void }) {
  const [agencies, setAgencies] = useState<AgencyRow[]>([]);
  const [agency, setAgency] = useState("");
  const [signer, setSigner] = useState("");
  const [message, setMessage] = useState("");

  useEffect(() => {
    api.agencies().then(setAgencies, (e) => setMessage(toIpcError(e).message));
  }, []);

  const save = async () => {
    if (!agency) {
      setMessage("Hãy chọn cơ quan của bạn trong danh sách.");
      return;
    }
    try {
      await api.setProfile(agency, signer);
      onDone();
    } catch (e) {
      setMessage(toIpcError(e).message);
    }
  };
  const chosen = agencies.find((a) => a.code === agency);

  return (
    <div class="first-run">
      <h1>Chào mừng đến với ứng dụng theo dõi Kế hoạch cải thiện Chỉ số CCHC</h1>
      <p class="muted">Kế hoạch đang dùng: {plan}</p>
      <p>Chọn cơ quan của bạn và nhập họ tên người ký báo cáo. Bạn có thể đổi lại trong mục Cài đặt.</p>
      <AgencyPicker agencies={agencies} value={agency} onChange={setAgency} />
      <p id="chosen-agency">{chosen ? `Đã chọn: ${chosen.name}` : "Chưa chọn cơ quan."}</p>
      <label>
        Họ tên người ký báo cáo
        <input
          id="signer"
          value={signer}
          onInput={(e) => setSigner(e.currentTarget.value)}
          onKeyDown={(e) => e.key === "Enter" && !e.isComposing && void save()}
          placeholder="Ví dụ: Nguyễn Văn An"
        />
      </label>
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
      <button class="primary" id="first-run-save" onClick={save}>
        Lưu và bắt đầu
      </button>
    </div>
  );
}
