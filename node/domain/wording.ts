// What the service says to an admin, as a message id of messages/*.json and its ICU values. The
// domain chooses the message and its values; the words live in messages/ and are formatted in
// the admin's language by services/wording.ts. An id missing from one of the three languages
// does not type-check (node/generated/messages.ts is copied from messages/ by the build).
import type { SERVER_MESSAGES } from '../generated/messages'

export type Locale = 'en' | 'pt' | 'es'

type Catalog = typeof SERVER_MESSAGES
type FullId = keyof Catalog['en'] & keyof Catalog['pt'] & keyof Catalog['es']

/** A server message id without the app prefix: `finding.owner-role`, `refusal.review.open`. */
export type MessageId = FullId extends `admin/key-steward.${infer Id}`
  ? Id
  : never

/** A value is text, a number, or other messages worded in the same language (a list: joined by commas). */
export type WordingValues = Record<
  string,
  string | number | Wording | Wording[]
>

export interface Wording {
  id: MessageId
  values?: WordingValues
}

export const wording = (id: MessageId, values?: WordingValues): Wording =>
  values ? { id, values } : { id }

export function localeOf(tag: string | undefined): Locale {
  const lang = (tag ?? '').toLowerCase().slice(0, 2)

  return lang === 'pt' || lang === 'es' ? lang : 'en'
}
