// License Manager resources by their *key* (what manifest policies and canAccessResource use)
// and their *name* (what VTEX's Permissions tables and the fixture's roles use). Source: VTEX
// help center "License Manager resources" (Key column) and the guide "Policies from License
// Manager" (an app declares { "name": "<Key>" } in manifest.json policies).
export const RESOURCE_NAME_BY_KEY: Record<string, string> = {
  Save_User: 'Save user',
  Get_Users_Paged: 'Get paged users',
  Get_Roles_Paged: 'Get paged roles',
  Get_User_By_Identifier: 'Find user by email',
  RenewApiToken: 'Renew API Token',
  ViewApiKeys: 'View API keys',
  EditApiKeys: 'Edit API keys',
  // 2025's admin-user resources (help center announcement of 2025-08-07, and the Key column of
  // "License Manager resources"); endpoints.ts NEWER_EQUIVALENTS says what they replace.
  ViewAdminUsers: 'View Admin Users',
  EditAdminUsers: 'Edit Admin Users',
  Remove_User: 'Remove user',
}

/** The resources the app's own token holds, from its manifest's License Manager policies. */
export function appResourcesFrom(manifest: {
  policies?: Array<{ name: string }>
}): string[] {
  return (manifest.policies ?? [])
    .map((p) => RESOURCE_NAME_BY_KEY[p.name])
    .filter((r): r is string => !!r)
}

/** A resource named by key or by name, as a name. */
export function resourceName(keyOrName: string): string {
  return RESOURCE_NAME_BY_KEY[keyOrName] ?? keyOrName
}
