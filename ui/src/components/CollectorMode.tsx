// The switch for collector mode, in Settings: it shows the "Tổng hợp" section
// for the office that gathers the agencies' monthly reports.

import { useEffect, useState } from "preact/hooks";
import { api, toIpcError } from "../api";

export function CollectorMode({ onChanged }: { onChanged: () => void }) {
  const [on, setOn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.collectorMode().then(setOn, (e) => setError(toIpcError(e).message));
  }, []);
  const toggle = async (next: boolean) => {
    try {
      await api.setCollectorMode(next);
      setOn(next);
      setError(null);
      onChanged();
    } catch (e) {
      setError(toIpcError(e).message);
    }
  };
  return (
    <section class="card">
      <h2>Chế độ tổng hợp</h2>
      <label class="check">
        <input type="checkbox" id="collector-mode" checked={on} onChange={(e) => void toggle(e.currentTarget.checked)} />
        <span>Máy này nhận và tổng hợp báo cáo tháng của các cơ quan (Văn phòng UBND tỉnh, Sở Nội vụ): hiện mục Tổng hợp ở thanh bên trái.</span>
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
