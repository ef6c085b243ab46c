// Links that lead to the key list or a key page, and to actions on a key, only for a session that
// may follow them. Those pages need the read resources, and every key action needs them too (with
// its own resource for a renewal: node/resolvers/access.ts): an auditor named in the settings
// holds none of them and reads completed reviews only, so such a link opens a refusal (walk 10).
// Until the permissions answer (or if they cannot be read) the links stay: the page says why.
import type { ActionPermission } from '../types'
import type { KeyActionField } from './usePermissions'

type Can = (field: KeyActionField) => ActionPermission | undefined

/** The key list and key pages open: deactivateKey needs exactly the read resources. */
export const opensKeyPages = (can: Can): boolean =>
  can('deactivateKey')?.allowed !== false

/** The action a review decision asks for, carried out on the key page. */
const ACTION_OF: Record<string, KeyActionField> = {
  ROTATE: 'renewToken',
  DEACTIVATE: 'deactivateKey',
  REDUCE_ROLES: 'removeKeyRole',
}

/** Whether "Carry it out on the key page" leads somewhere this session may act. */
export const mayCarryOut = (
  decision: string | undefined,
  can: Can
): boolean => {
  const field = decision ? ACTION_OF[decision] : undefined

  return !!field && can(field)?.allowed !== false
}
