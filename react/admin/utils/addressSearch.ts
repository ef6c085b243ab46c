// A list page keeps its search in the address (and the API keys page its view for the tab), so
// a reload or a shared link shows the same list. A token pasted into a search box is searched
// but never written there: browser history, the Admin's URL logs and a shared link would keep it
// (attack11). The service's check (tokenShaped, copied) is its plainest shape, 32 capitals in a
// row; here any run of 16 is kept out too, so a pasted token deleted letter by letter writes at
// most its first 15 capitals to the address, not 31 (attack12). A token typed in lower or mixed
// case is kept out too: 32 letters of any case in a row (attack13 #7; no word an admin searches
// is that long). Labels, appKeys and e-mails an admin searches never hold 16 capitals in a row;
// one that did is still searched, only not kept. A token split by spaces or dashes on purpose is
// not recognised here, as in the service's own check (attack8 #9): appKeys and labels are words
// joined that way, and keeping them out would break shared links for ordinary searches.
import { tokenShaped } from '../graphql/tokenShaped.generated'

/** 16 capitals in a row: half of the token shape, looked for only where a run starts. */
const SIXTEEN_CAPITALS = /(?<![A-Z])[A-Z]{16}/

/** A token's length in letters of any case (typed in lower case, or its case changed). */
const THIRTY_TWO_LETTERS = /[A-Za-z]{32}/

/** The search as the address may keep it: undefined when empty or holding (part of) a token. */
export const addressSearch = (search: string): string | undefined =>
  search &&
  !tokenShaped(search) &&
  !SIXTEEN_CAPITALS.test(search) &&
  !THIRTY_TWO_LETTERS.test(search)
    ? search
    : undefined
