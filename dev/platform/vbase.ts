// VBase stand-in: the paths @vtex/api's VBase client uses
// (/vbase/v2/{account}/{workspace}/buckets/{app}/{bucket}/files/{path} on infra.io.vtex.com),
// with ETags and If-Match so concurrent writers get 412 instead of overwriting each other.
import type { Router } from './http-kit'
import { json, header } from './http-kit'
import type { PlatformState } from './state'

const FILE =
  '/vbase/v2/{account}/{workspace}/buckets/{app}/{bucket}/files/{path}'

export function fileKey(
  app: string,
  bucket: string,
  path: string,
  workspace = 'master'
): string {
  return `${workspace}/${app}/${bucket}/${path}`
}

export function vbaseRoutes(state: PlatformState, router: Router): void {
  router.add('GET', FILE, (req) => {
    const file = state.vbase.get(
      fileKey(
        req.params.app,
        req.params.bucket,
        req.params.path,
        req.params.workspace
      )
    )

    if (!file)
      return json(404, {
        code: 'FileNotFound',
        message: 'The requested file does not exist',
      })

    return {
      status: 200,
      body: file.body,
      headers: { 'content-type': file.contentType, etag: file.etag },
    }
  })

  router.add('PUT', FILE, (req) => {
    const key = fileKey(
      req.params.app,
      req.params.bucket,
      req.params.path,
      req.params.workspace
    )

    const current = state.vbase.get(key)
    const ifMatch = header(req, 'if-match')

    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== current?.etag) {
      return json(412, {
        code: 'PreconditionFailed',
        message: 'The file changed since it was read (ETag mismatch)',
      })
    }

    const etag = state.nextEtag()

    state.vbase.set(key, {
      body: req.body,
      contentType: header(req, 'content-type') ?? 'application/octet-stream',
      etag,
    })

    return { status: 200, headers: { etag }, body: { etag } }
  })

  router.add('DELETE', FILE, (req) => {
    const key = fileKey(
      req.params.app,
      req.params.bucket,
      req.params.path,
      req.params.workspace
    )

    const ifMatch = header(req, 'if-match')

    if (ifMatch !== undefined && ifMatch !== state.vbase.get(key)?.etag)
      return json(412, { code: 'PreconditionFailed', message: 'ETag mismatch' })
    state.vbase.delete(key)

    return { status: 204 }
  })
}

/** Seeds the app's storage from the fixture: section S becomes bucket S, file S.json. */
export function seedAppStorage(state: PlatformState, appName: string): void {
  for (const [section, value] of Object.entries(
    state.fixture.appStorage ?? {}
  )) {
    state.vbase.set(fileKey(appName, section, `${section}.json`), {
      body: Buffer.from(JSON.stringify(value)),
      contentType: 'application/json',
      etag: state.nextEtag(),
    })
  }
}
