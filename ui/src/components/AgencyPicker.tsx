// Choosing the agency: type to search (with or without diacritics), arrows and
// Enter to pick; groups are left out (a group does not report).

import { useMemo, useState } from "preact/hooks";
import type { AgencyRow } from "../bindings/AgencyRow";
import { compareVi, matches } from "../lib/text";

interface Props {
  agencies: AgencyRow[];
  value: string;
  onChange: (code: string) => void;
}

export function AgencyPicker({ agencies, value, onChange }: Props) {
  const [query, setQuery] = useState("");
  const shown = useMemo(
    () =>
      agencies
        .filter((a) => a.kind !== "group")
        .filter((a) => !query || matches(`${a.name} ${a.code}`, query))
        .sort((a, b) => compareVi(a.name, b.name)),
    [agencies, query],
  );
  return (
    <div class="agency-picker">
      <label>
        Tìm cơ quan (gõ có dấu hoặc không dấu)
        <input
          id="agency-search"
          type="search"
          value={query}
          placeholder="Ví dụ: so noi vu, Sở Tư pháp, UBND huyện…"
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && shown.length > 0 && !e.isComposing) {
              e.preventDefault();
              onChange(shown[0].code);
            }
          }}
        />
      </label>
      <div class="agency-list" role="listbox" aria-label="Danh sách cơ quan">
        {shown.length === 0 && <p class="empty">Không có cơ quan nào khớp "{query}". Thử gõ ít chữ hơn.</p>}
        {shown.map((a) => (
          <button
            type="button"
            role="option"
            aria-selected={a.code === value}
            class={a.code === value ? "agency selected" : "agency"}
            data-code={a.code}
            key={a.code}
            onClick={() => onChange(a.code)}
          >
            {a.name} <span class="muted">({a.code})</span>
          </button>
        ))}
      </div>
    </div>
  );
}
