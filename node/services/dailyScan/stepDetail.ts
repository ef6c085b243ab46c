// A daily scan step's detail as an admin reads it. The inventory step keeps what it could not
// read as data (domain/scan/scanStatus.ts inventoryOutcome), worded here in the language of the
// request: a pt or es admin never reads English parts. A status saved before that (its detail an
// English sentence) is shown as it is.
import type { StepOutcome } from '../../domain/scan/scanStatus'
import { detail, NAMED_MISSING } from '../../domain/scan/scanStatus'
import type { Locale } from '../../domain/wording'
import { wording } from '../../domain/wording'
import { canSay, say } from '../wording'

export function stepDetail(
  step: Pick<StepOutcome, 'detail' | 'missing' | 'missingCount'>,
  locale: Locale
): string | null {
  const missing = Array.isArray(step.missing) ? step.missing : []
  // Read back from VBase: a part another version saved and this one cannot word is left out
  // (and counted with the rest), never answered as raw data.
  const named = missing
    .slice(0, NAMED_MISSING)
    .flatMap((m) =>
      typeof m === 'string'
        ? [m]
        : canSay({ message: m })
        ? [say(locale, m)]
        : []
    )

  if (!named.length) return step.detail ?? null
  const total =
    typeof step.missingCount === 'number' && step.missingCount > missing.length
      ? step.missingCount
      : missing.length

  const rest = total - named.length
  const more =
    rest > 0
      ? ` ${say(locale, wording('inventory.missing.more', { count: rest }))}`
      : ''

  return detail(`${named.join('; ')}${more}`)
}
