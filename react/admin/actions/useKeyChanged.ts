// A change made to a key through Key Steward (a key action, a token renewal, its owner and
// integrations) changes what other pages show: which keys a filter of the API keys list matches
// and its counts, and the Overview's counts and most urgent findings. Those pages are not on
// screen, so Apollo keeps their last answer and shows it when the admin goes back: a key given an
// owner stayed listed under "No owner recorded" (walk14 #3). This reads them again into the cache
// after the change: the list as the admin left it (where "Back to API keys" leads) and the
// Overview. Every other view of the list Apollo holds (other filters, searches, pages) is marked
// as read before the change, so the Keys page asks the service for it when it is shown again
// (Keys/keyListViews.ts). It does not hold the action up, and a failed read leaves the earlier
// answer (the pages say how old their copy is). The key's own page reads itself again through the action's
// refetchQueries, and the review reads its evidence whenever its page opens (cache-and-network).
import type { DocumentNode } from 'graphql'
import { useApolloClient } from 'react-apollo'

import { readAgain } from '../apollo/readAgain'
import KEY_LIST from '../graphql/keyList.gql'
import OVERVIEW from '../graphql/overview.gql'
import { keyListVariables, parseKeyQuery } from '../Keys/keyQuery'
import { changesSeen, keyChangedIn, viewRead } from '../Keys/keyListViews'
import { OVERVIEW_VARIABLES } from '../Overview/overviewVariables'
import { lastKeysView } from '../utils/urlState'

/** The queries whose cached answers a change to a key makes stale, as their pages ask them. */
export const readAfterKeyChange = (): Array<{
  query: DocumentNode
  variables: Record<string, unknown>
}> => [
  {
    query: KEY_LIST,
    variables: keyListVariables(parseKeyQuery(lastKeysView())),
  },
  { query: OVERVIEW, variables: OVERVIEW_VARIABLES },
]

export function useKeyChanged(): () => void {
  const client = useApolloClient()

  return () => {
    keyChangedIn(client)
    const at = changesSeen(client)

    // not awaited: the change is made; the reads only refresh pages not on screen
    for (const q of readAfterKeyChange())
      readAgain(client, q).then((answer) => {
        if (answer && q.query === KEY_LIST) viewRead(client, q.variables, at)
      })
  }
}
