import { canManageKeysRule } from './canManageKeys'
import { duplicateLabel } from './duplicateLabel'
import { exposedClientSide } from './exposedClientSide'
import { externalBroadAccess } from './externalBroadAccess'
import { genericLabel } from './genericLabel'
import { inactiveWithRoles } from './inactiveWithRoles'
import { keyAgeExceeded } from './keyAgeExceeded'
import { noOwner } from './noOwner'
import { noRoles } from './noRoles'
import { ownerRole } from './ownerRole'
import { renewalUnfinished } from './renewalUnfinished'
import { reviewOverdue } from './reviewOverdue'
import { sharedKey } from './sharedKey'
import type { Rule } from './types'
import { userOwnerRole } from './userOwnerRole'

export const RULES: Rule[] = [
  keyAgeExceeded,
  renewalUnfinished,
  ownerRole,
  canManageKeysRule,
  noRoles,
  inactiveWithRoles,
  genericLabel,
  duplicateLabel,
  sharedKey,
  noOwner,
  exposedClientSide,
  externalBroadAccess,
  userOwnerRole,
  reviewOverdue,
]

export const RULE_IDS = RULES.map((r) => r.id)
