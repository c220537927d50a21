// @vitest-environment happy-dom
// Điểm có nguy cơ mất over a fake shell: the criteria as the core ranks them,
// with their numbers written the Vietnamese way; the month's figures sent as
// typed, and refused on the field (nothing sent) when they cannot be right.

import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import type { CriterionScore } from "../../src/bindings/CriterionScore";
import type { Figure } from "../../src/bindings/Figure";
import type { IndicatorRow } from "../../src/bindings/IndicatorRow";
import type { MeasuredLine } from "../../src/bindings/MeasuredLine";
import { RiskScreen } from "../../src/screens/Risk";
import { fakeShell, type Handler, held, stopShell } from "./shell";

afterEach(stopShell);

const indicator = (criterion: string, name: string, kind: IndicatorRow["kind"], target: number): IndicatorRow => ({
  criterion,
  index: 1,
  name,
  unit: "%",
  kind,
  target,
  direction: "higher",
  reporters: ["SNV"],
  source: "Hệ thống thông tin giải quyết TTHC của tỉnh",
  rule: "proportional",
  share: null,
});

const RATE = indicator("7.3.7", "Tỷ lệ hồ sơ giải quyết đúng hạn", "rate", 98);
const VALUE = indicator("5.2.1", "Mức độ hài lòng của người dân", "value", 85);

/** November's figure of the rate: 1.245 of 1.250 dossiers on time. */
const NOVEMBER: Figure = { period: "2024-11", numerator: 1245, denominator: 1250, value: 99.6, source: "Báo cáo của Bộ phận Một cửa", as_of: "2024-11-30" };

const LINES: MeasuredLine[] = [
  { indicator: RATE, figure: NOVEMBER },
  { indicator: VALUE, figure: null },
];

/** Two criteria as the core ranks them (most at risk first): 5.2.1 at risk, 7.3.7 safe. */
function scoresOf(province: boolean): CriterionScore[] {
  const rate = {
    index: 1,
    name: RATE.name,
    unit: "%",
    kind: "rate" as const,
    target: 98,
    share_max: 1.5,
    numerator: 1245,
    denominator: 1250,
    value: 99.6,
    estimate: 1.5,
    trend: [
      { period: "2024-10", value: 97.25 },
      { period: "2024-11", value: 99.6 },
    ],
    reported: province ? ["SNV", "STP"] : [],
    missing: [],
  };
  return [
    {
      criterion: "5.2.1",
      name: "Sự hài lòng của người dân",
      max: 2,
      last_score: 1.25,
      value: null,
      target: 85,
      estimate: null,
      at_risk: province ? 1.75 : 0.75,
      drivers: [{ kind: "no-figure", text: "Mức độ hài lòng của người dân: chưa có số liệu." }],
      indicators: [],
    },
    {
      criterion: "7.3.7",
      name: "Tỷ lệ hồ sơ giải quyết đúng hạn",
      max: 1.5,
      last_score: 1.5,
      value: 99.6,
      target: 98,
      estimate: 1.5,
      at_risk: 0,
      drivers: [],
      indicators: [rate],
    },
  ];
}

function riskShell(extra: Record<string, Handler> = {}) {
  return fakeShell({
    measured: () => LINES,
    scores: ({ province }) => scoresOf(province === true),
    ...extra,
  });
}

const rows = () => Array.from(document.querySelectorAll<HTMLTableRowElement>("tr.risk-row"));
const cells = (row: HTMLTableRowElement) => Array.from(row.cells).map((c) => c.textContent?.trim() ?? "");
const entry = (key: string) => document.querySelector<HTMLFormElement>(`form.indicator-entry[data-key="${key}"]`)!;
const field = (key: string, name: string) => entry(key).querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const type = (key: string, name: string, text: string) => fireEvent.input(field(key, name), { target: { value: text } });

/** The message that describes a field, as a screen reader reaches it. */
function describedBy(input: HTMLInputElement): string {
  const id = input.getAttribute("aria-describedby");
  return id ? (document.getElementById(id)?.textContent ?? "") : "";
}

async function shown() {
  render(<RiskScreen period="2024-11" collector={false} />);
  await waitFor(() => expect(rows()).toHaveLength(2));
}

/** Shows the screen, types `typed` (by field name) in the form of `key` and submits it. */
async function submitted(key: string, typed: Record<string, string>, save: Handler = () => NOVEMBER) {
  const shell = riskShell({ save_indicator: save });
  await shown();
  for (const [name, text] of Object.entries(typed)) type(key, name, text);
  fireEvent.submit(entry(key));
  return shell;
}

describe("the points at risk", () => {
  it("lists the criteria in the core's order, most at risk first, with every number written the Vietnamese way", async () => {
    const shell = riskShell();
    await shown();
    expect(shell.of("scores")).toEqual([{ period: "2024-11", province: false }]);
    expect(shell.of("measured")).toEqual([{ period: "2024-11" }]);
    const [first, second] = rows();
    expect(first.dataset.criterion).toBe("5.2.1");
    expect(cells(first).slice(1, 5)).toEqual(["2", "1,25", "", "0,75"]);
    expect(cells(first)[5]).toContain("chưa có số liệu");
    expect(second.dataset.criterion).toBe("7.3.7");
    expect(cells(second).slice(1, 5)).toEqual(["1,5", "1,5", "1,5", "0"]);
  });

  it("marks the points at risk in red only where some are at risk", async () => {
    riskShell();
    await shown();
    const [risky, safe] = rows().map((r) => r.querySelector("td.at-risk")!);
    expect(risky.classList.contains("lost")).toBe(true);
    expect(safe.classList.contains("lost")).toBe(false);
  });

  it("draws an indicator's months against its target with the words a screen reader reads", async () => {
    riskShell();
    await shown();
    const chart = within(rows()[1]).getByRole("img");
    expect(chart.getAttribute("aria-label")).toBe("Tháng 10: 97,25%; Tháng 11: 99,6%; Mục tiêu 98%");
    expect(rows()[1].querySelector("figcaption")?.textContent).toBe("Chỉ số 1: 99,6%");
  });

  it("fills the month's form with the saved figure the Vietnamese way", async () => {
    riskShell();
    await shown();
    expect(field("7.3.7-1", "numerator").value).toBe("1.245");
    expect(field("7.3.7-1", "denominator").value).toBe("1.250");
    expect(field("7.3.7-1", "as-of").value).toBe("30/11/2024");
    expect(field("5.2.1-1", "value").value).toBe("");
  });

  it("shows the shell's Vietnamese refusal instead of the table when the scores cannot be read", async () => {
    riskShell({ scores: () => Promise.reject({ kind: "invalid", message: "Chưa chọn cơ quan: vào Cài đặt để chọn cơ quan của bạn." }) });
    render(<RiskScreen period="2024-11" collector={false} />);
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("Chưa chọn cơ quan: vào Cài đặt để chọn cơ quan của bạn."));
    expect(rows()).toHaveLength(0);
    expect(screen.queryByText("Đang tải…")).toBeNull();
  });

  it("says in Vietnamese that something unexpected happened when the shell fails without a message", async () => {
    riskShell({ measured: () => Promise.reject("IPC closed") });
    render(<RiskScreen period="2024-11" collector={false} />);
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("Có lỗi không mong đợi: IPC closed"));
  });

  it("shows the province's view once the switch is on, even when the agency's slower answer comes after it", async () => {
    const agency = held<CriterionScore[]>();
    const shell = riskShell({ scores: ({ province }) => (province ? scoresOf(true) : agency.promise) });
    render(<RiskScreen period="2024-11" collector={true} />);
    fireEvent.click(screen.getByLabelText(/Toàn tỉnh/));
    await waitFor(() => expect(screen.getByRole("heading", { level: 2 }).textContent).toContain("Toàn tỉnh"));
    agency.answer(scoresOf(false));
    await agency.promise;
    await new Promise((r) => setTimeout(r, 20));
    expect(shell.of("scores").map((a) => a.province)).toEqual([false, true]);
    expect(screen.getByRole("heading", { level: 2 }).textContent).toContain("Toàn tỉnh");
    expect(cells(rows()[0])[4]).toBe("1,75");
  });
});

describe("the month's figures", () => {
  it("sends the typed numerator, denominator, source and date as one save_indicator form for the screen's month", async () => {
    const saved: Figure = { ...NOVEMBER, numerator: 1300, denominator: 1310.5, value: 99.1985 };
    const typed = { numerator: "1.300", denominator: "1.310,5", source: "Hệ thống một cửa điện tử", "as-of": "29/11/2024" };
    const shell = await submitted("7.3.7-1", typed, () => saved);
    await waitFor(() => expect(within(entry("7.3.7-1")).getByRole("status").textContent).toBe("Đã lưu: 99,2%."));
    expect(shell.of("save_indicator")).toEqual([
      {
        form: {
          agency: "",
          criterion: "7.3.7",
          index: 1,
          period: "2024-11",
          numerator: "1.300",
          denominator: "1.310,5",
          value: "",
          source: "Hệ thống một cửa điện tử",
          as_of: "29/11/2024",
        },
      },
    ]);
    // Saved: the scores are asked again, so the table follows the new figure.
    await waitFor(() => expect(shell.of("scores")).toHaveLength(2));
  });

  it("sends a value indicator's value and no numerator or denominator", async () => {
    const shell = await submitted("5.2.1-1", { value: "87,5" }, () => ({ ...NOVEMBER, numerator: null, denominator: null, value: 87.5, as_of: null }));
    await waitFor(() => expect(shell.of("save_indicator")).toHaveLength(1));
    const form = shell.of("save_indicator")[0].form as Record<string, unknown>;
    expect(form).toMatchObject({ criterion: "5.2.1", index: 1, value: "87,5", numerator: "", denominator: "" });
  });

  it("refuses a numerator that is not a number on its field, without asking the shell", async () => {
    const shell = await submitted("7.3.7-1", { numerator: "mười hai" });
    const numerator = field("7.3.7-1", "numerator");
    await waitFor(() => expect(numerator.getAttribute("aria-invalid")).toBe("true"));
    expect(describedBy(numerator)).toBe('Tử số "mười hai" không phải là một số (viết kiểu Việt Nam: 1.245 hoặc 85,5).');
    expect(field("7.3.7-1", "denominator").getAttribute("aria-invalid")).toBe("false");
    expect(shell.of("save_indicator")).toEqual([]);
  });

  it("refuses a numerator above its denominator, a rate over 100%, on the numerator", async () => {
    const shell = await submitted("7.3.7-1", { numerator: "1.251" });
    const numerator = field("7.3.7-1", "numerator");
    await waitFor(() => expect(describedBy(numerator)).toBe("Tử số 1.251 lớn hơn mẫu số 1.250: tỷ lệ không thể vượt 100%."));
    expect(shell.of("save_indicator")).toEqual([]);
  });

  it("refuses a percent value above 100 and a date that does not exist, each on its own field", async () => {
    const shell = await submitted("5.2.1-1", { value: "120", "as-of": "31/11/2024" });
    await waitFor(() => expect(describedBy(field("5.2.1-1", "value"))).toBe("Giá trị 120% nằm ngoài khoảng 0–100%."));
    expect(describedBy(field("5.2.1-1", "as-of"))).toBe('Ngày số liệu "31/11/2024" không phải là ngày có thật: tháng 11/2024 chỉ có 30 ngày.');
    expect(shell.of("save_indicator")).toEqual([]);
  });

  it("clears a field's mark once it is typed again, and then sends the form", async () => {
    const shell = await submitted("7.3.7-1", { denominator: "0" });
    const denominator = field("7.3.7-1", "denominator");
    await waitFor(() => expect(describedBy(denominator)).toBe("Mẫu số phải lớn hơn 0 (đang là 0)."));
    type("7.3.7-1", "denominator", "1.300");
    expect(denominator.getAttribute("aria-invalid")).toBe("false");
    fireEvent.submit(entry("7.3.7-1"));
    await waitFor(() => expect(shell.of("save_indicator")).toHaveLength(1));
  });

  it("shows the core's refusal of a figure it does not take under the form", async () => {
    const refusal = "Ngày số liệu 01/12/2024 nằm sau kỳ báo cáo tháng 11/2024.";
    await submitted("7.3.7-1", { "as-of": "01/12/2024" }, () => Promise.reject({ kind: "invalid", message: refusal }));
    await waitFor(() => expect(within(entry("7.3.7-1")).getByRole("alert").textContent).toBe(refusal));
  });
});
