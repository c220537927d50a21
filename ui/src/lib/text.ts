// Vietnamese text for search and sorting: the same rules as the core's text.rs
// (case and diacritics ignored, đ = d; alphabetical order a ă â … đ … ư).

/** Lower case, no diacritics, đ → d, runs of white space folded to one. */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
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
