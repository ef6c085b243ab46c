// Runs the built service on the real @vtex/api runtime (its worker: koa app, GraphQL pipeline,
// clients, logger), in this one process, on SERVICE_PORT. VTEX IO starts the same worker behind
// its router; here the gateway plays the router and the platform plays VTEX's hosts.
import { createRequire } from 'module'
import { join } from 'path'

import { BUILD_DIR, NODE_DIR } from '../paths'

const port = Number(process.env.SERVICE_PORT ?? 0)

process.chdir(BUILD_DIR) // the runtime loads ./service/service.json and ./service/src/node/index.js
const nodeRequire = createRequire(join(NODE_DIR, 'package.json'))
const { getServiceJSON } = nodeRequire('@vtex/api/lib/service/loaders')
const { startWorker } = nodeRequire('@vtex/api/lib/service/worker')

const server = startWorker(getServiceJSON()).listen(port, '127.0.0.1', () => {
  const address = server.address()
  const message = {
    ready: true,
    port: typeof address === 'object' && address ? address.port : port,
  }

  if (process.send) process.send(message)
  else console.log(JSON.stringify(message))
})

const stop = () => server.close(() => process.exit(0))

process.on('SIGTERM', stop)
process.on('SIGINT', stop)
process.on('disconnect', stop)
