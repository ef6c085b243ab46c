// A daily scan step's detail as an admin reads it. The inventory step keeps what it could not
// read as data (domain/scan/scanStatus.ts inventoryOutcome), and a failed step what failed
// (scanOutcome.ts failureOutcome), worded here in the language of the request: a pt or es admin
// never reads English parts. A status saved before that (its detail an English sentence) is
// shown as it is.
import type { StepOutcome } from '../../domain/scan/scanStatus'
import { detail, NAMED_MISSING } from '../../domain/scan/scanStatus'
import type { Locale } from '../../domain/wording'
import { wording } from '../../domain/wording'
import { canSay, say } from '../wording'

export function stepDetail(
  step: Pick<StepOutcome, 'detail' | 'missing' | 'missingCount' | 'failure'>,
  locale: Locale
): string | null {
  if (step.failure !== undefined && step.failure !== null) {
    const all = Array.isArray(step.failure) ? step.failure : [step.failure]

    // Read back from VBase: what this version cannot word gets a general sentence, never raw data.
    return detail(
      all.length && canSay({ message: all })
        ? all.map((w) => say(locale, w)).join('; ')
        : say(locale, wording('upstream.failure.unknown'))
    )
  }

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
