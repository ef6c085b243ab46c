import type { RoleInfo } from '../types'

/** Whether a text is missing or only spaces, without making a trimmed copy of it. */
export function isBlank(text: string | undefined): boolean {
  if (!text) return true
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)

    if (
      !(
        c === 32 ||
        (c >= 9 && c <= 13) ||
        c === 0xa0 ||
        c === 0xfeff ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x1680 ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000
      )
    )
      return false
  }

  return true
}

/**
 * The names of a key's roles that `matches` picks, joined for a message; null when none does.
 * Most keys have none: nothing is allocated for them.
 */
export function roleNames(
  roles: RoleInfo[],
  matches: (r: RoleInfo) => boolean
): string | null {
  let names: string | null = null

  for (const r of roles)
    if (matches(r)) names = names === null ? r.name : `${names}, ${r.name}`

  return names
}
