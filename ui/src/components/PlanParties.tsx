// Agencies and groups in the plan editor: add, rename, retire (taken out of
// the plan; the store keeps its history), and each group's members. The
// core's checks name duplicate codes, empty groups and groups that contain
// themselves.

import { useState } from "preact/hooks";
import type { AgencyKind } from "../bindings/AgencyKind";
import type { PlanData } from "../bindings/PlanData";
import { splitCodes } from "../lib/plan";

const KINDS: [AgencyKind, string][] = [
  ["so-ban-nganh", "Sở, ban, ngành"],
  ["ubnd-huyen", "UBND cấp huyện"],
  ["ubnd-xa", "UBND cấp xã"],
  ["trung-uong", "Cơ quan Trung ương trên địa bàn"],
  ["khac", "Khác"],
];

/** `list` with item `i` renamed. */
function renamed<T extends { name: string }>(list: T[], i: number, name: string): T[] {
  return list.map((x, j) => (j === i ? { ...x, name } : x));
}

export function PlanParties({ data, onChange }: { data: PlanData; onChange: (next: PlanData) => void }) {
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [kind, setKind] = useState<AgencyKind | "nhom">("ubnd-xa");

  const add = () => {
    if (!code.trim() || !name.trim()) return;
    if (kind === "nhom") onChange({ ...data, groups: [...data.groups, { code: code.trim(), name: name.trim(), members: [] }] });
    else onChange({ ...data, agencies: [...data.agencies, { code: code.trim(), name: name.trim(), kind }] });
    setCode("");
    setName("");
  };

  return (
    <section class="card">
      <div class="row">
        <input id="party-code" class="narrow" placeholder="Mã" value={code} onInput={(e) => setCode(e.currentTarget.value)} />
        <input id="party-name" placeholder="Tên cơ quan hoặc nhóm" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <select value={kind} onChange={(e) => setKind(e.currentTarget.value as AgencyKind | "nhom")}>
          {KINDS.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
          <option value="nhom">Nhóm cơ quan</option>
        </select>
        <button id="party-add" onClick={add}>
          Thêm
        </button>
      </div>
      <h2>Nhóm ({data.groups.length})</h2>
      <table class="table">
        <tbody>
          {data.groups.map((g, i) => (
            <tr key={g.code}>
              <td class="code">{g.code}</td>
              <td>
                <input aria-label={`Tên nhóm ${g.code}`} value={g.name} onInput={(e) => onChange({ ...data, groups: renamed(data.groups, i, e.currentTarget.value) })} />
              </td>
              <td>
                <textarea
                  aria-label={`Thành viên của ${g.name}`}
                  rows={2}
                  value={g.members.join("; ")}
                  onChange={(e) => {
                    const groups = data.groups.slice();
                    groups[i] = { ...g, members: splitCodes(e.currentTarget.value) };
                    onChange({ ...data, groups });
                  }}
                />
                <span class="muted small">{g.members.length} thành viên</span>
              </td>
              <td>
                <button class="small-btn" title="Thôi (giữ lịch sử)" onClick={() => onChange({ ...data, groups: data.groups.filter((_, j) => j !== i) })}>
                  Thôi
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Cơ quan ({data.agencies.length})</h2>
      <table class="table">
        <tbody>
          {data.agencies.map((a, i) => (
            <tr key={a.code}>
              <td class="code">{a.code}</td>
              <td>
                <input aria-label={`Tên cơ quan ${a.code}`} value={a.name} onInput={(e) => onChange({ ...data, agencies: renamed(data.agencies, i, e.currentTarget.value) })} />
              </td>
              <td>{KINDS.find(([k]) => k === a.kind)?.[1]}</td>
              <td>
                <button class="small-btn" title="Thôi (giữ lịch sử)" onClick={() => onChange({ ...data, agencies: data.agencies.filter((_, j) => j !== i) })}>
                  Thôi
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
