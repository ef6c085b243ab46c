// The License Manager resources a refusal names, grouped by what would do instead: VTEX's 2025
// resources each replace several legacy ones (View Admin Users stands for Find user by email,
// Get paged roles and Get paged users), so "Find user by email / View Admin Users, Get paged
// roles / View Admin Users, …" named one alternative three times and never said what "/" meant.
// The names stay exactly as VTEX's Admin spells them: they are what an admin searches for there.

export interface ResourceGroup {
  /** the legacy resources VTEX's API reference names, in the order the service gave them */
  names: string[]
  /** the newer resources that would do instead of each of them (may be empty) */
  newer: string[]
}

/** Each missing permission is [legacy, ...newer]: permissions with the same newer ones go together. */
export function groupResources(accepted: string[][]): ResourceGroup[] {
  const groups: ResourceGroup[] = []

  for (const [name, ...newer] of accepted) {
    if (!name) continue
    const same = groups.find(
      (g) => g.newer.join('\u0000') === newer.join('\u0000')
    )

    if (!same) groups.push({ names: [name], newer })
    else if (!same.names.includes(name)) same.names.push(name)
  }

  return groups
}

/** "a", "a and b", "a, b and c", with the language's "and" (given as `and(rest, last)`). */
export function joinNames(
  names: string[],
  and: (rest: string, last: string) => string
): string {
  if (names.length <= 1) return names[0] ?? ''

  return and(names.slice(0, -1).join(', '), names[names.length - 1])
}

/** Whether Save user is among what is missing: VTEX asks for it even to list keys. */
export const lacksSaveUser = (groups: ResourceGroup[]) =>
  groups.some((g) => g.names.includes('Save user'))
