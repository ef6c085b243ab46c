// A daily scan step's detail as an admin reads it. The inventory step keeps what it could not
// read as data (domain/scan/scanStatus.ts inventoryOutcome), and a failed step what failed
// (scanOutcome.ts failureOutcome), worded here in the language of the request: a pt or es admin
// never reads English parts. A status saved before that (its detail an English sentence) is
// shown as it is.
import type { StepOutcome } from '../../domain/scan/scanStatus'
import { detail, NAMED_MISSING } from '../../domain/scan/scanStatus'
import type { Locale } from '../../domain/wording'
import { wording } from '../../domain/wording'
import { redactTokens } from '../../domain/secrets'
import { canSay, say } from '../wording'

type Step = Pick<StepOutcome, 'detail' | 'missing' | 'missingCount' | 'failure'>

/** More parts than any read of an account has: a stored count beyond it is not believed. */
const MOST_PARTS = 1_000_000

/**
 * The detail, as stored data allows: whatever a status document holds (written by another
 * version, or by hand) is shown with tokens redacted and without a URL's query.
 */
export function stepDetail(step: Step, locale: Locale): string | null {
  const text = worded(step, locale)

  return text === null
    ? null
    : redactTokens(text.replace(/(\/[^\s?]*)\?[^\s)]*/g, '$1'))
}

function worded(step: Step, locale: Locale): string | null {
  if (step.failure !== undefined && step.failure !== null) {
    // a failure is one wording, or a few: never thousands formatted to be cut at 500 characters
    const all = (
      Array.isArray(step.failure) ? step.failure : [step.failure]
    ).slice(0, NAMED_MISSING)

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
    Number.isSafeInteger(step.missingCount) &&
    step.missingCount! > missing.length &&
    step.missingCount! <= MOST_PARTS
      ? step.missingCount!
      : missing.length

  const rest = total - named.length
  const more =
    rest > 0
      ? ` ${say(locale, wording('inventory.missing.more', { count: rest }))}`
      : ''

  return detail(`${named.join('; ')}${more}`)
}
