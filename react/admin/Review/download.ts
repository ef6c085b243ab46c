// Downloads a review's evidence export (CSV or JSON) the service rendered.
import type ApolloClient from 'apollo-client'

import EXPORT from '../graphql/reviewExport.gql'

export async function downloadExport(
  client: ApolloClient<unknown>,
  id: string,
  format: 'CSV' | 'JSON'
): Promise<void> {
  const { data } = await client.query<{
    reviewExport: { filename: string; contentType: string; content: string }
  }>({ query: EXPORT, variables: { id, format }, fetchPolicy: 'network-only' })

  const { filename, contentType, content } = data.reviewExport
  const url = URL.createObjectURL(new Blob([content], { type: contentType }))
  const a = document.createElement('a')

  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
