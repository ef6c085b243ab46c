// Which stretches of one width that spelled.ts joins are not judged as "32 capitals joined":
// lists of codes have that shape. Capitals in groups of 3 or 4 ("BRL USD EUR …") and in pairs
// ("AC AL AP AM …", Brazil's UFs; US states, countries, languages) are judged by narrowGroups.ts
// (known codes, random letters). Pairs need 44 distinct letters for that (its MIN_LETTERS: fewer
// it cannot tell from a list), or nearly all pairs codes: else they are joined as before (a short
// token fragment repeated, "QW ER TY … QW ER TY …"). Pairs of letters of any other case ("en, es,
// pt, …", "pt-BR, es-MX, en-US, …") that are nearly all codes are a list; no other check scores
// them, so the codes alone tell. A shorter last piece is not looked at ("…, SE e TO" ends with "e").
import { mostlyKnownPairs } from './knownCodes'
import { MIN_LETTERS } from './narrowGroups'

const CAPITALS = /^[A-Z]+$/

export function judgedAsGroups(joined: string, width: number): boolean {
  if (width < 2 || width > 4) return false
  const pieces = joined.slice(0, joined.length - (joined.length % width))

  if (width > 2) return CAPITALS.test(pieces)
  const pairs = [...new Set(pieces.toUpperCase().match(/../g) ?? [])]

  return (
    mostlyKnownPairs(pairs) ||
    (CAPITALS.test(pieces) && pairs.length * 2 >= MIN_LETTERS)
  )
}
