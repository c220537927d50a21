// Cài đặt: agency and signer, the data folder, importing a task-list workbook,
// and what this app is.

import { useEffect, useState } from "preact/hooks";
import { api, toIpcError } from "../api";
import type { AgencyRow } from "../bindings/AgencyRow";
import type { AppInfo } from "../bindings/AppInfo";
import { AgencyPicker } from "../components/AgencyPicker";
import { CollectorMode } from "../components/CollectorMode";
import { DataSafety } from "../components/DataSafety";
import { formatCount } from "../lib/format";

export function SettingsScreen({ info, onChanged }: { info: AppInfo; onChanged: () => void }) {
  const [agencies, setAgencies] = useState<AgencyRow[]>([]);
  const [agency, setAgency] = useState(info.profile.agency ?? "");
  const [signer, setSigner] = useState(info.profile.signer);
  const [profileMsg, setProfileMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [importPath, setImportPath] = useState("");
  const [importMsg, setImportMsg] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    api.agencies().then(setAgencies, (e) => setProfileMsg({ ok: false, text: toIpcError(e).message }));
  }, []);

  const saveProfile = async () => {
    try {
      await api.setProfile(agency, signer);
      setProfileMsg({ ok: true, text: "Đã lưu cơ quan và người ký." });
      onChanged();
    } catch (e) {
      setProfileMsg({ ok: false, text: toIpcError(e).message });
    }
  };
  const pickWorkbook = async () => {
    try {
      const path = await api.pickFile("Chọn tệp danh sách nhiệm vụ (.xlsx)", ["xlsx"]);
      if (path) setImportPath(path);
    } catch (e) {
      setImportMsg({ ok: false, text: toIpcError(e).message });
    }
  };
  const runImport = async () => {
    if (!importPath.trim()) {
      setImportMsg({ ok: false, text: "Hãy chọn tệp Excel danh sách nhiệm vụ trước." });
      return;
    }
    try {
      const r = await api.importPlan(importPath.trim());
      setImportMsg({
        ok: true,
        text: r.new_plan
          ? `Đã nhập kế hoạch mới với ${formatCount(r.tasks)} nhiệm vụ (chưa chuyển sang dùng kế hoạch này).`
          : `Đã thêm ${formatCount(r.tasks)} nhiệm vụ vào kế hoạch đang dùng.`,
      });
      onChanged();
    } catch (e) {
      setImportMsg({ ok: false, text: toIpcError(e).message });
    }
  };

  return (
    <div class="settings">
      <h1>Cài đặt</h1>
      <section class="card">
        <h2>Cơ quan và người ký</h2>
        <AgencyPicker agencies={agencies} value={agency} onChange={setAgency} />
        <p>Đã chọn: {agencies.find((a) => a.code === agency)?.name ?? "chưa chọn cơ quan"}</p>
        <label>
          Họ tên người ký báo cáo
          <input
            id="settings-signer"
            value={signer}
            onInput={(e) => setSigner(e.currentTarget.value)}
            onKeyDown={(e) => e.key === "Enter" && !e.isComposing && void saveProfile()}
          />
        </label>
        <button class="primary" onClick={saveProfile}>
          Lưu
        </button>
        {profileMsg && (
          <p class={profileMsg.ok ? "ok" : "error"} role={profileMsg.ok ? "status" : "alert"}>
            {profileMsg.text}
          </p>
        )}
      </section>
      <section class="card">
        <h2>Nhập danh sách nhiệm vụ từ tệp Excel</h2>
        <p class="muted">Tệp theo mẫu danh sách nhiệm vụ (.xlsx): thêm nhiệm vụ vào kế hoạch đang dùng, hoặc một kế hoạch mới.</p>
        <div class="row">
          <input
            id="import-path"
            value={importPath}
            placeholder="Đường dẫn tệp .xlsx"
            onInput={(e) => setImportPath(e.currentTarget.value)}
          />
          <button onClick={pickWorkbook}>Chọn tệp…</button>
          <button class="primary" id="import-run" onClick={runImport}>
            Nhập
          </button>
        </div>
        {importMsg && (
          <p class={importMsg.ok ? "ok" : "error pre"} role={importMsg.ok ? "status" : "alert"}>
            {importMsg.text}
          </p>
        )}
      </section>
      <DataSafety onRestored={onChanged} />
      <CollectorMode onChanged={onChanged} />
      <section class="card">
        <h2>Thông tin</h2>
        <dl class="facts">
          <dt>Thư mục dữ liệu</dt>
          <dd id="data-dir">{info.data_dir}</dd>
          <dt>Kế hoạch đang dùng</dt>
          <dd>
            {info.plan.name} (năm {info.plan.year})
          </dd>
          <dt>Phiên bản</dt>
          <dd>{info.version}</dd>
        </dl>
        <p class="muted">Dữ liệu chỉ nằm trên máy này, không gửi đi đâu. Hãy để thư mục dữ liệu trên ổ đĩa của máy (không dùng ổ mạng).</p>
      </section>
    </div>
  );
}
