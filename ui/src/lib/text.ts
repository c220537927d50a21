// Vietnamese text for search and sorting: the same rules as the core's text.rs
// (case and diacritics ignored, đ = d; alphabetical order a ă â … đ … ư).
// `fold` is the core's `text::fold` written again, step for step; the test
// ui/tests/text.test.ts checks it against the core's output on
// ui/tests/fold-cases.json, which the core's own test keeps current.

/** What Rust's `char::is_whitespace` calls white space (JavaScript's `\s` differs). */
const WHITE_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
/** A combining mark (tones, vowel marks): Unicode's general category M. */
const MARK = /\p{M}/u;

/**
 * Lower case, no diacritics, đ → d, runs of white space folded to one, none at
 * either end: each character is lowercased, then canonically decomposed, and
 * its combining marks dropped, as the core does.
 */
export function fold(s: string): string {
  let out = "";
  let space = false;
  for (const character of s) {
    if (WHITE_SPACE.test(character)) {
      space = out.length > 0;
      continue;
    }
    for (const part of character.toLowerCase().normalize("NFD")) {
      if (MARK.test(part)) continue;
      if (space) {
        out += " ";
        space = false;
      }
      out += part === "đ" ? "d" : part;
    }
  }
  return out;
}

/** Whether `haystack` contains `needle`, ignoring case and diacritics. */
export function matches(haystack: string, needle: string): boolean {
  return fold(haystack).includes(fold(needle));
}

const collator = new Intl.Collator("vi", { sensitivity: "variant", numeric: true });

/** Compares two strings in Vietnamese alphabetical order. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Text as the core stores it: NFC, trimmed (Vietnamese IMEs may send NFD). */
export function clean(s: string): string {
  return s.normalize("NFC").trim();
}
