// The License Manager resources a refusal names, in words: grouped by the newer resource that
// would do instead ("Find user by email and Get paged users (or View Admin Users); Save user (or
// Edit Admin Users)"), VTEX's names kept exact (resourceGroups.ts).
import { useIntl } from 'react-intl'

import { groupResources, joinNames } from '../utils/resourceGroups'

export function useResourceWords(): (accepted: string[][]) => string {
  const intl = useIntl()
  const say = (id: string, values: Record<string, string>) =>
    intl.formatMessage(
      { id: `admin/key-steward.error.forbidden.${id}` },
      values
    )

  const names = (list: string[]) =>
    joinNames(list, (rest, last) => say('and', { rest, last }))

  return (accepted) =>
    groupResources(accepted)
      .map((g) =>
        g.newer.length
          ? say('alternative', {
              names: names(g.names),
              newer: names(g.newer),
            })
          : names(g.names)
      )
      .join('; ')
}
