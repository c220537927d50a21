import { describe, expect, it } from "vitest";
import { compareVi, fold, matches } from "../src/lib/text";
import cases from "./fold-cases.json";

describe("Vietnamese search and order", () => {
  it("finds text typed without diacritics, with đ as d, in NFD or NFC", () => {
    expect(matches("Sở Nội vụ", "so noi vu")).toBe(true);
    expect(matches("Đề án đổi mới", "de an doi moi")).toBe(true);
    expect(matches("Sở Tư pháp", "Sở Tư pháp".normalize("NFD"))).toBe(true);
    expect(matches("Sở Tư pháp", "noi vu")).toBe(false);
    expect(fold("  Cải   cách  ")).toBe("cai cach");
  });
  it("sorts in Vietnamese alphabetical order (d before đ, a before ă before â)", () => {
    const words = ["đường", "dân", "ăn", "âm", "an", "bảo"];
    expect([...words].sort(compareVi)).toEqual(["an", "ăn", "âm", "bảo", "dân", "đường"]);
  });
});

describe("the one folding rule", () => {
  it("folds every shared case as the core does (the core's test keeps fold-cases.json its output)", () => {
    expect(cases.cases.length).toBeGreaterThanOrEqual(20);
    for (const c of cases.cases) {
      expect(fold(c.input), JSON.stringify(c.input)).toBe(c.folded);
    }
  });
});
