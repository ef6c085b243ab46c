// Downloads a review's evidence export (CSV or JSON) the service rendered.
import type ApolloClient from 'apollo-client'

import EXPORT from '../graphql/reviewExport.gql'
import type {
  ExportFormat,
  KeyStewardReviewExportQuery,
  KeyStewardReviewExportQueryVariables,
} from '../graphql/types.generated'
import { exportFileText } from './exportFile'

export async function downloadExport(
  client: ApolloClient<object>,
  id: string,
  format: ExportFormat
): Promise<void> {
  const { data } = await client.query<
    KeyStewardReviewExportQuery,
    KeyStewardReviewExportQueryVariables
  >({ query: EXPORT, variables: { id, format }, fetchPolicy: 'network-only' })

  if (!data.reviewExport) throw new Error(`review ${id} has no export`)
  const { filename, contentType, content } = data.reviewExport
  const url = URL.createObjectURL(
    new Blob([exportFileText(contentType, content)], {
      type: contentType,
    })
  )
  const a = document.createElement('a')

  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
