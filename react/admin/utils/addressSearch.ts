// A list page keeps its search in the address (and the API keys page its view for the tab), so
// a reload or a shared link shows the same list. A token pasted into a search box is searched
// but never written there: browser history, the Admin's URL logs and a shared link would keep it
// (attack11). "A token" is its plainest shape, the service's own check (tokenShaped, copied).
import { tokenShaped } from '../graphql/tokenShaped.generated'

/** The search as the address may keep it: undefined when empty or holding a token. */
export const addressSearch = (search: string): string | undefined =>
  search && !tokenShaped(search) ? search : undefined
