// Điểm có nguy cơ mất: each criterion's maximum, last year's score, the
// estimate and the points at risk with what drives them, most at risk first,
// with a chart of each indicator's months against its target; under it, the
// month's figures of the indicators the agency reports (typed the Vietnamese
// way, refused by the core with its message). In collector mode, the
// province's view from the collected workbooks too.

import { useCallback, useEffect, useState } from "preact/hooks";
import { api, toIpcError } from "../api";
import type { CriterionScore } from "../bindings/CriterionScore";
import type { IndicatorScore } from "../bindings/IndicatorScore";
import type { MeasuredLine } from "../bindings/MeasuredLine";
import { formatDate, formatNumber, formatPeriod } from "../lib/format";
import { chartGeometry, chartLabel, showFigure } from "../lib/indicators";

export function RiskScreen({ period, collector }: { period: string; collector: boolean }) {
  const [province, setProvince] = useState(false);
  const [lines, setLines] = useState<MeasuredLine[] | null>(null);
  const [scores, setScores] = useState<CriterionScore[] | null>(null);
  const [message, setMessage] = useState("");

  const load = useCallback(async () => {
    try {
      setMessage("");
      const [m, s] = await Promise.all([api.measured(period), api.scores(period, province)]);
      setLines(m);
      setScores(s);
    } catch (e) {
      setMessage(toIpcError(e).message);
    }
  }, [period, province]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div class="risk">
      <h1>Điểm có nguy cơ mất · {formatPeriod(period).toLowerCase()}</h1>
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
      {collector && (
        <div class="scope" role="group" aria-label="Phạm vi">
          <label>
            <input type="radio" name="scope" checked={!province} onChange={() => setProvince(false)} /> Cơ quan của tôi
          </label>
          <label>
            <input id="scope-province" type="radio" name="scope" checked={province} onChange={() => setProvince(true)} /> Toàn tỉnh (từ các báo cáo đã tổng hợp)
          </label>
        </div>
      )}
      {!scores && !message && <p class="muted">Đang tải…</p>}
      {scores && <ScoreTable scores={scores} province={province} />}
      {!province && lines && (
        <section class="card">
          <h2>Số liệu các chỉ số đo được (cộng dồn từ đầu năm)</h2>
          <p class="muted small">Nhập tử số và mẫu số cộng dồn từ đầu năm đến hết tháng, viết kiểu Việt Nam: 1.245 hoặc 85,5.</p>
          {lines.length === 0 ? (
            <p class="muted">Cơ quan không báo cáo chỉ số đo được nào trong kế hoạch này.</p>
          ) : (
            lines.map((l) => (
              // Keyed by the month too, so another month's form starts from that month's figure.
              <IndicatorEntry key={`${period}-${l.indicator.criterion}-${l.indicator.index}`} line={l} period={period} onSaved={load} />
            ))
          )}
        </section>
      )}
    </div>
  );
}

/** The form of one indicator: numerator and denominator of a rate, or the value. */
function IndicatorEntry({ line, period, onSaved }: { line: MeasuredLine; period: string; onSaved: () => void }) {
  const i = line.indicator;
  const f = line.figure;
  const [numerator, setNumerator] = useState(f?.numerator != null ? formatNumber(f.numerator, 4) : "");
  const [denominator, setDenominator] = useState(f?.denominator != null ? formatNumber(f.denominator, 4) : "");
  const [value, setValue] = useState(i.kind === "value" && f ? formatNumber(f.value, 4) : "");
  const [source, setSource] = useState(f?.source ?? "");
  const [asOf, setAsOf] = useState(formatDate(f?.as_of));
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const key = `${i.criterion}-${i.index}`;

  const save = async () => {
    try {
      const saved = await api.saveIndicator({
        agency: "",
        criterion: i.criterion,
        index: i.index,
        period,
        numerator,
        denominator,
        value,
        source,
        as_of: asOf,
      });
      setNote({ ok: true, text: `Đã lưu: ${showFigure(saved.value, i.unit)}.` });
      onSaved();
    } catch (e) {
      setNote({ ok: false, text: toIpcError(e).message });
    }
  };

  return (
    <form
      class="indicator-entry"
      data-key={key}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p>
        <strong>{i.criterion}</strong> {i.name} <span class="muted">· mục tiêu {showFigure(i.target, i.unit)}</span>
      </p>
      <p class="muted small">{i.source}</p>
      <div class="row">
        {i.kind === "rate" ? (
          <>
            <label>
              Tử số
              <input name="numerator" inputMode="decimal" value={numerator} onInput={(e) => setNumerator(e.currentTarget.value)} placeholder="1.245" />
            </label>
            <label>
              Mẫu số
              <input name="denominator" inputMode="decimal" value={denominator} onInput={(e) => setDenominator(e.currentTarget.value)} placeholder="1.250" />
            </label>
          </>
        ) : (
          <label>
            Giá trị ({i.unit})
            <input name="value" inputMode="decimal" value={value} onInput={(e) => setValue(e.currentTarget.value)} placeholder="85,5" />
          </label>
        )}
        <label>
          Nguồn số liệu
          <input name="source" value={source} onInput={(e) => setSource(e.currentTarget.value)} />
        </label>
        <label>
          Ngày số liệu
          <input name="as-of" value={asOf} onInput={(e) => setAsOf(e.currentTarget.value)} placeholder="dd/mm/yyyy" />
        </label>
        <button type="submit" class="primary">
          Lưu
        </button>
      </div>
      {note && (
        <p class={note.ok ? "indicator-note ok" : "indicator-note error"} role={note.ok ? "status" : "alert"}>
          {note.text}
        </p>
      )}
    </form>
  );
}

function ScoreTable({ scores, province }: { scores: CriterionScore[]; province: boolean }) {
  if (scores.length === 0) {
    return <p class="muted">Không có tiêu chí nào gắn với nhiệm vụ hoặc chỉ số của cơ quan.</p>;
  }
  return (
    <section class="card">
      <h2>{province ? "Toàn tỉnh" : "Phần của cơ quan"}: tiêu chí theo số điểm có nguy cơ mất (ước tính)</h2>
      <table class="table risk-table">
        <thead>
          <tr>
            <th>Tiêu chí</th>
            <th class="num">Điểm tối đa</th>
            <th class="num">Điểm năm trước</th>
            <th class="num">Ước tính</th>
            <th class="num">Nguy cơ mất</th>
            <th>Lý do</th>
          </tr>
        </thead>
        <tbody>
          {scores.map((s) => (
            <tr key={s.criterion} class="risk-row" data-criterion={s.criterion}>
              <td>
                <strong>{s.criterion}</strong> {s.name}
                {s.indicators.map((i) => (
                  <TrendChart key={i.index} indicator={i} />
                ))}
              </td>
              <td class="num">{formatNumber(s.max)}</td>
              <td class="num">{formatNumber(s.last_score)}</td>
              <td class="num estimate">{formatNumber(s.estimate)}</td>
              <td class={s.at_risk > 0 ? "num at-risk lost" : "num at-risk"}>{formatNumber(s.at_risk)}</td>
              <td>
                <ul class="drivers">
                  {s.drivers.map((d, k) => (
                    <li key={k} class={`driver ${d.kind}`}>
                      {d.text}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** One indicator's months against its target, drawn locally in SVG with its words. */
function TrendChart({ indicator }: { indicator: IndicatorScore }) {
  const w = 320;
  const h = 110;
  const g = chartGeometry(indicator.trend, indicator.target, w, h);
  const label = chartLabel(indicator.trend, indicator.target, indicator.unit);
  return (
    <figure class="trend">
      <figcaption class="small">
        Chỉ số {indicator.index}: {showFigure(indicator.value, indicator.unit) || "chưa có số liệu"}
      </figcaption>
      <svg class="trend-chart" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label}>
        <line x1={24} x2={w - 24} y1={g.targetY} y2={g.targetY} class="target-line" />
        <text x={w - 24} y={g.targetY - 4} text-anchor="end" class="chart-label">
          Mục tiêu {showFigure(indicator.target, indicator.unit)}
        </text>
        {g.points.length > 1 && <polyline points={g.points.map((p) => `${p.x},${p.y}`).join(" ")} class="trend-line" />}
        {g.points.map((p) => (
          <g key={p.label}>
            <circle cx={p.x} cy={p.y} r={3.5} class="trend-dot" />
            <text x={p.x} y={h - 6} text-anchor="middle" class="chart-label">
              {p.label}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
