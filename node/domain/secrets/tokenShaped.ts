// The plainest shape of a classic appToken (128 capital letters): 32 capitals in a row. No word
// reads so, so it needs none of the word tests the full check (plain.ts) runs on other shapes.
// Small and pure on purpose: the Admin has a copy (codegen NODE_COPIES) to keep a pasted token
// out of the address bar, where browser history and URL logs would keep it.

/** 32 capitals in a row, looked for only where a run of capitals starts (linear on groups of 31). */
export const THIRTY_TWO = /(?<![A-Z])[A-Z]{32}/

/** Whether text holds a token as it stands (not spelled out, cut or encoded: secrets.ts). */
export function tokenShaped(text: string): boolean {
  return THIRTY_TWO.test(text)
}
