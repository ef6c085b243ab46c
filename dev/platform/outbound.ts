// VTEX IO only lets an app reach hosts and paths its manifest declares (outbound-access policies).
// The platform plays the IO egress proxy, so an undeclared call fails here as it would on VTEX.

export interface OutboundPolicy {
  host: string
  path: string
}

export function outboundPoliciesOf(manifest: {
  policies?: Array<{ name: string; attrs?: Record<string, string> }>
}): OutboundPolicy[] {
  return (manifest.policies ?? [])
    .filter((p) => p.name === 'outbound-access' && p.attrs?.host)
    .map((p) => ({ host: p.attrs!.host, path: p.attrs!.path ?? '/*' }))
}

function glob(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`
  )
}

export function outboundAllowed(
  policies: OutboundPolicy[],
  account: string,
  host: string,
  path: string
): boolean {
  return policies.some(
    (p) =>
      glob(p.host.replace(/\{\{account\}\}/g, account)).test(host) &&
      glob(p.path).test(path)
  )
}
