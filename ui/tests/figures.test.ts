// The indicator form's numbers read as the core reads them (the cases of
// `number::parse_vi`'s own tests), and the field each refusal belongs to.

import { describe, expect, it } from "vitest";
import { figureProblems, readNumber } from "../src/lib/figures";

describe("numbers typed the Vietnamese way", () => {
  it("groups thousands with dots and marks decimals with a comma", () => {
    const cases: [string, number][] = [["1.245", 1245], ["1.250", 1250], ["85,5", 85.5], ["1.245,75", 1245.75], ["1 245", 1245], ["12.345.678", 12345678], [" 0 ", 0]];
    for (const [typed, n] of cases) expect(readNumber(typed), typed).toBe(n);
  });

  it("takes a lone dot before other than three digits as a decimal point", () => {
    expect(readNumber("85.5")).toBe(85.5);
    expect(readNumber("0.25")).toBe(0.25);
    expect(readNumber("1.2345")).toBe(1.2345);
  });

  it("reads nothing from what is not a Vietnamese number", () => {
    for (const bad of ["", "abc", "1,2,3", "12.34.5", "1.2345,5", "1,", ",5", "1.245.6", "--1", "1e5"]) expect(readNumber(bad), bad).toBeNull();
  });
});

describe("the problems of a typed figure", () => {
  it("finds none in a rate whose numerator is at most its denominator, a trailing % allowed", () => {
    expect(figureProblems("rate", "%", { numerator: "1.250", denominator: "1.250", value: "" })).toEqual({});
    expect(figureProblems("value", "%", { numerator: "", denominator: "", value: "100%" })).toEqual({});
  });

  it("leaves empty fields to the core, which names what is missing", () => {
    expect(figureProblems("rate", "%", { numerator: "", denominator: "", value: "" })).toEqual({});
  });

  it("puts a negative number on its own field", () => {
    expect(figureProblems("rate", "%", { numerator: "5", denominator: "-3", value: "" })).toEqual({ denominator: 'Mẫu số "-3" không được là số âm.' });
  });

  it("checks only the fields the indicator's kind uses", () => {
    expect(figureProblems("value", "lượt", { numerator: "x", denominator: "y", value: "1.500" })).toEqual({});
  });
});
