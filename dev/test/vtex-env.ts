// Import first in tests that load @vtex/api in-process: it reads the app's identity from the
// environment at load time, as it does under VTEX IO.
import { readFileSync } from 'fs'

import { MANIFEST } from '../paths'

const m = JSON.parse(readFileSync(MANIFEST, 'utf8'))

process.env.VTEX_APP_ID =
  process.env.VTEX_APP_ID ?? `${m.vendor}.${m.name}@${m.version}`
process.env.VTEX_APP_VENDOR = process.env.VTEX_APP_VENDOR ?? m.vendor
process.env.VTEX_APP_NAME = process.env.VTEX_APP_NAME ?? m.name
process.env.VTEX_APP_VERSION = process.env.VTEX_APP_VERSION ?? m.version
process.env.VTEX_IO = 'true'
