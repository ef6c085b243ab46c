// Where data a replica keeps in memory belongs: each workspace of an account has its own VBase
// (its own recent copy, settings and reviews), so a name by account alone mixes two workspaces
// served by one replica, or makes one evict the other's.
export const placeOf = (vtex: { account: string; workspace: string }) =>
  `${vtex.account}/${vtex.workspace}`
