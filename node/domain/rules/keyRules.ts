// The rules whose findings are about a key (the account's or an external one): the only ones a
// filter over keys (the key list, the review's decisions) can match. A rule about users or the
// account would match no key, so such a filter names only these rules when it refuses one.
import { RULE_IDS } from './index'

/** Rules about a user (user-owner-role) or the account (review-overdue): never on a key. */
export const NOT_ABOUT_KEYS: readonly string[] = [
  'user-owner-role',
  'review-overdue',
]

export const KEY_RULE_IDS: readonly string[] = RULE_IDS.filter(
  (id) => !NOT_ABOUT_KEYS.includes(id)
)
