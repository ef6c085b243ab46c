// Reads what the service put in a GraphQL error (extensions.code and details) so pages can
// explain it: which License Manager resource to ask for, which field is wrong, when to reload.
import type { ApolloError } from 'apollo-client'

export interface ServiceError {
  code: string
  message: string
  /** each missing permission with its newer equivalents, e.g. "Save user / Edit Admin Users" */
  missingResources: string[]
  /** each missing permission as [legacy, ...newer] (the names VTEX's Admin shows), for grouping */
  acceptedResources: string[][]
  /** per field: the service's code, params and the bad entry (settings), rendered from messages */
  /** the session is an auditor named in the settings (a refusal then leads to the reviews) */
  auditor: boolean
  fields: Array<{
    field: string
    message: string
    code?: string
    params?: Record<string, number | string>
    entry?: string
  }>
}

export function readError(
  error: ApolloError | undefined | null
): ServiceError | null {
  if (!error) return null
  const first = error.graphQLErrors?.[0]
  const ext = (first?.extensions ?? {}) as {
    code?: string
    missingResources?: string[]
    acceptedResources?: string[][]
    fields?: ServiceError['fields']
    exception?: { code?: string }
    auditor?: boolean
  }

  return {
    code:
      ext.code && ext.code !== 'INTERNAL_SERVER_ERROR'
        ? ext.code
        : ext.exception?.code ??
          (error.networkError ? 'NETWORK' : 'INTERNAL_SERVER_ERROR'),
    message: first?.message ?? error.networkError?.message ?? error.message,
    // acceptedResources lists, per missing permission, the legacy resource and VTEX's newer ones
    missingResources:
      ext.acceptedResources?.map((names) => names.join(' / ')) ??
      ext.missingResources ??
      [],
    acceptedResources:
      ext.acceptedResources ?? ext.missingResources?.map((n) => [n]) ?? [],
    fields: ext.fields ?? [],
    auditor: ext.auditor === true,
  }
}
