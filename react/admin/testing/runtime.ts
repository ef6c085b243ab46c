// The Admin runtime as component tests see it: jest serves react/__mocks__/vtex.render-runtime
// for `vtex.render-runtime`, and this gives its test-only helpers their types, so the
// production typings (react/typings/vtex.d.ts) declare only what the real runtime offers.
import * as runtime from 'vtex.render-runtime'

import type * as RuntimeMock from '../../__mocks__/vtex.render-runtime'

export const { setRouteParams, setRuntimeQuery, navigations } =
  runtime as unknown as typeof RuntimeMock
