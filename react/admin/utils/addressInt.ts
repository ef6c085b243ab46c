// A whole number read from the address (?page=, ?size=, ?role=, ?named=). The pages send it to
// the service as a GraphQL Int, which holds 32 bits: ?page=10000000000 typed by hand was refused by
// GraphQL itself, before the service, and the whole page said it could not load (attack11 #1).

/** The largest number a GraphQL Int carries. */
export const MAX_GRAPHQL_INT = 2_147_483_647

/** A whole number from 1 to MAX_GRAPHQL_INT, or null (absent, not a number, out of range). */
export function positiveAddressInt(value: string | null): number | null {
  const n = Number(value)

  return Number.isInteger(n) && n > 0 && n <= MAX_GRAPHQL_INT ? n : null
}
