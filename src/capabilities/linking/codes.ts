// One-time link codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I), shown as
// "ABCD-2345" and accepted in any case, with or without the dash or spaces. 32^8 ≈ 10^12 codes,
// valid for 15 minutes, with a few tries per person: guessing someone's code is not practical.
import { randomInt } from "node:crypto";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 8;
export const CODE_TTL_MS = 15 * 60_000;

export function newCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** "ABCD2345" → "ABCD-2345" for reading and typing. */
export function showCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What the person typed → the stored form, or undefined when it cannot be a code at all. */
export function normalizeCode(input: string): string | undefined {
  const s = input.toUpperCase().replace(/[\s-]/g, "");
  if (s.length !== CODE_LENGTH) return undefined;
  for (const ch of s) if (!ALPHABET.includes(ch)) return undefined;
  return s;
}
