// Which key actions the admin's session may do (Query.keyActionPermissions, computed by the
// service from the same table that guards the mutations). Until it answers, or if it cannot,
// every button stays enabled and the service's own check decides.
import { useQuery } from 'react-apollo'

import PERMISSIONS from '../graphql/keyActionPermissions.gql'
import type {
  KeyStewardKeyActionPermissionsQuery,
  KeyStewardKeyActionPermissionsQueryVariables,
} from '../graphql/types.generated'
import type { KeyActionField } from '../graphql/keyActionFields.generated'
import type { ActionPermission } from '../types'

export type { KeyActionField }

export function usePermissions(): (
  field: KeyActionField
) => ActionPermission | undefined {
  const { data } = useQuery<
    KeyStewardKeyActionPermissionsQuery,
    KeyStewardKeyActionPermissionsQueryVariables
  >(PERMISSIONS, { fetchPolicy: 'cache-and-network' })

  return (field) => data?.keyActionPermissions.find((p) => p.field === field)
}
