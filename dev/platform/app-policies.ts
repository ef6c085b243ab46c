// License Manager resources the app's own token holds, from the License Manager policies its
// manifest declares (VTEX IO: "Policies from License Manager"). Used for the scheduled scan,
// which has no admin and runs with the app's token.

/** manifest policy name → License Manager resource it grants */
export const LM_POLICY_RESOURCES: Record<string, string> = {}

export function appResourcesFrom(manifest: { policies?: Array<{ name: string }> }): string[] {
  return (manifest.policies ?? []).map(p => LM_POLICY_RESOURCES[p.name]).filter((r): r is string => !!r)
}
