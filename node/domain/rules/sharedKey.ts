import type { Rule } from './types'

export const sharedKey: Rule = {
  id: 'shared-key',
  practice: 'INDIVIDUAL_KEYS',
  severities: ['MEDIUM'],
  docs: 'A key whose recorded integrations name more than one integration (ignoring case and spaces): one key per integration limits the damage of a leak.',
  reads: ['annotations'],
  evaluate(input, shared, report) {
    const { keys } = input.inventory
    const { annotations } = shared // worked out once, when first asked

    for (let i = 0; i < keys.length; i++) {
      const integrations = annotations[i]?.integrations

      if (!integrations || integrations.length < 2) continue
      const names = distinct(integrations)

      if (names > 1)
        report.key(i, 'MEDIUM', {
          count: names,
          integrations: integrations.join(', '),
        })
    }
  },
}

/** Integration names compared ignoring case and spaces; a regular expression only when needed. */
function sameName(name: string): string {
  const t = name.trim().toLowerCase()

  return /\s\s|[^\S ]/.test(t) ? t.replace(/\s+/g, ' ') : t
}

/** How many different integrations a list names (a key lists a handful at most). */
function distinct(integrations: string[]): number {
  const seen: string[] = []

  for (const name of integrations) {
    const n = sameName(name)

    if (n && !seen.includes(n)) seen.push(n)
  }

  return seen.length
}
