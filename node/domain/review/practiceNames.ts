// Practice names for server-side English text (refusal messages, exports). The Admin renders
// names from messages/ in the admin's language; these only word errors and files.
import type { Practice } from '../findings'

export const PRACTICE_NAMES: Record<Practice, string> = {
  ROTATE_KEYS: 'Rotate keys',
  RENEW_TOKENS: 'Renew tokens',
  REASSESS_ACCESS: 'Reassess access',
  INDIVIDUAL_KEYS: 'One key per integration',
  AWARENESS: 'Awareness',
  NO_CLIENT_SIDE: 'No keys in client-side code',
  NO_SHARING: 'Never share tokens',
}
