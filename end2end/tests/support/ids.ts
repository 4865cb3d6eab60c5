// Valid Kazakh identification numbers (IIN for people, BIN for organisations) and unique
// e-mail addresses, so each sign-up in the suite creates fresh data.

/** Weights of the first and, when it gives 10, the second pass of the check digit. */
const FIRST_PASS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_PASS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The check digit of eleven digits, or null when both passes give 10 (never issued). */
export function checkDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) throw new Error(`eleven digits expected, got ${first11}`);
  const digits = [...first11].map(Number);
  const pass = (weights: number[]) => digits.reduce((sum, d, i) => sum + d * weights[i], 0) % 11;
  const first = pass(FIRST_PASS);
  if (first !== 10) return first;
  const second = pass(SECOND_PASS);
  return second === 10 ? null : second;
}

function randomInt(min: number, maxInclusive: number): number {
  return min + Math.floor(Math.random() * (maxInclusive - min + 1));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Completes `prefix` (fewer than 11 digits) with random digits and the check digit. */
function complete(prefix: string): string {
  for (;;) {
    let body = prefix;
    while (body.length < 11) body += String(randomInt(0, 9));
    const check = checkDigit(body);
    if (check !== null) return body + check;
  }
}

/** A valid IIN of someone born between 1950 and 1999 (century digit 3 or 4). */
export function validIin(options: { female?: boolean } = {}): string {
  const female = options.female ?? Math.random() < 0.5;
  const yy = randomInt(50, 99);
  const mm = randomInt(1, 12);
  const dd = randomInt(1, 28);
  return complete(`${pad(yy)}${pad(mm)}${pad(dd)}${female ? 4 : 3}`);
}

/** A valid BIN of a resident legal entity (5th digit 4) registered in a real month. */
export function validBin(): string {
  return complete(`${pad(randomInt(0, 25))}${pad(randomInt(1, 12))}40`);
}

/** The same number with a wrong check digit. */
export function withWrongCheckDigit(number: string): string {
  const last = Number(number[11]);
  return number.slice(0, 11) + String((last + 1) % 10);
}

let counter = 0;

/** An e-mail address no earlier run or test has used. */
export function uniqueEmail(tag: string): string {
  counter += 1;
  const stamp = `${Date.now().toString(36)}${counter}${randomInt(0, 1295).toString(36)}`;
  return `e2e-${tag}-${stamp}@example.kz`;
}
