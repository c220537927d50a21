// Last year's results in the plan editor: each field's and criterion's
// maximum and score, typed or pasted from a spreadsheet range (code, maximum,
// score), with the points lost computed.

import { useState } from "preact/hooks";
import type { PlanData } from "../bindings/PlanData";
import { formatNumber } from "../lib/format";
import { parseScore, parseScoreRows, pointsLost } from "../lib/plan";

export function PlanResults({ data, onChange }: { data: PlanData; onChange: (next: PlanData) => void }) {
  const [paste, setPaste] = useState("");
  const [problems, setProblems] = useState<string[]>([]);
  const prev = data.meta.year - 1;

  const setCriterion = (i: number, max: number, score: number) => {
    const criteria = data.criteria.slice();
    criteria[i] = { ...criteria[i], max_score: max, score_prev: score, points_lost: pointsLost(max, score) };
    onChange({ ...data, criteria });
  };
  const applyPaste = () => {
    const { rows, problems: found } = parseScoreRows(paste);
    const unknown = rows.filter((r) => !data.criteria.some((c) => c.code === r.code) && !data.fields.some((f) => String(f.code) === r.code));
    const all = [...found, ...unknown.map((r) => `Không có tiêu chí hoặc lĩnh vực mã "${r.code}" trong kế hoạch.`)];
    setProblems(all);
    if (all.length) return;
    const criteria = data.criteria.map((c) => {
      const r = rows.find((x) => x.code === c.code);
      return r ? { ...c, max_score: r.max, score_prev: r.score, points_lost: pointsLost(r.max, r.score) } : c;
    });
    const fields = data.fields.map((f) => {
      const r = rows.find((x) => x.code === String(f.code));
      return r ? { ...f, max_score: r.max, score_prev: r.score, points_lost: pointsLost(r.max, r.score) } : f;
    });
    onChange({ ...data, criteria, fields });
    setPaste("");
  };

  return (
    <section class="card">
      <table class="table fields" id="plan-results">
        <thead>
          <tr>
            <th>Lĩnh vực / Tiêu chí</th>
            <th class="num">Điểm tối đa</th>
            <th class="num">Điểm năm {prev}</th>
            <th class="num">Điểm bị trừ</th>
          </tr>
        </thead>
        <tbody>
          {data.fields.map((f) => (
            <tr class="field-row" key={`f${f.code}`}>
              <td>
                {f.code}. {f.name}
              </td>
              <td class="num">{formatNumber(f.max_score)}</td>
              <td class="num">{formatNumber(f.score_prev)}</td>
              <td class="num lost">{f.max_score !== null && f.score_prev !== null ? formatNumber(pointsLost(f.max_score, f.score_prev)) : ""}</td>
            </tr>
          ))}
          {data.criteria.map((c, i) => (
            <tr key={c.code}>
              <td class="indent">
                {c.code} {c.name}
              </td>
              <td class="num">
                <ScoreInput value={c.max_score} label={`Điểm tối đa ${c.code}`} onValue={(v) => setCriterion(i, v, c.score_prev)} />
              </td>
              <td class="num">
                <ScoreInput value={c.score_prev} label={`Điểm năm ${prev} ${c.code}`} onValue={(v) => setCriterion(i, c.max_score, v)} />
              </td>
              <td class="num lost">{formatNumber(pointsLost(c.max_score, c.score_prev))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <label>
        Dán từ bảng tính (mỗi dòng: mã, điểm tối đa, điểm năm {prev})
        <textarea rows={4} value={paste} onInput={(e) => setPaste(e.currentTarget.value)} />
      </label>
      <button onClick={applyPaste} disabled={!paste.trim()}>
        Áp dụng
      </button>
      {problems.length > 0 && (
        <ul class="error" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ScoreInput({ value, label, onValue }: { value: number; label: string; onValue: (v: number) => void }) {
  const [text, setText] = useState(formatNumber(value));
  const bad = parseScore(text) === null;
  return (
    <input
      class={bad ? "narrow invalid" : "narrow"}
      aria-label={label}
      aria-invalid={bad}
      value={text}
      onInput={(e) => {
        setText(e.currentTarget.value);
        const n = parseScore(e.currentTarget.value);
        if (n !== null) onValue(n);
      }}
    />
  );
}
