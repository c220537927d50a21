// The indicator form's numbers read as the core reads them, and the field each
// refusal belongs to: the cases the core is checked on too (figure-cases.json),
// then what only the UI decides (which fields it marks before sending).

import { describe, expect, it } from "vitest";
import { figureProblems, readNumber, type TypedFigure } from "../src/lib/figures";
import cases from "./figure-cases.json";

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

describe("the cases shared with the core (figure-cases.json, checked on the core by tests/core/figure_cases.rs)", () => {
  it("reads every shared number as the core does", () => {
    expect(cases.numbers.length).toBeGreaterThanOrEqual(20);
    for (const c of cases.numbers) expect(readNumber(c.input), JSON.stringify(c.input)).toBe(c.number);
  });

  it("takes every shared rate the core takes, and marks the field the core refuses, in its words", () => {
    for (const c of cases.rates) {
      const problems = figureProblems("rate", "%", { numerator: c.numerator, denominator: c.denominator, value: "" });
      const label = `${c.numerator} / ${c.denominator}`;
      if (c.refused === null) {
        expect(problems, label).toEqual({});
      } else {
        const said = problems[c.refused as keyof TypedFigure] ?? "";
        expect(said.startsWith(c.message), `${label}: the UI says ${JSON.stringify(said)}`).toBe(true);
      }
    }
  });
});
