// `npm start` and the tests stop cleanly even when the service process was killed by a signal.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { startStack } from '../stack'
import { DEFAULT_FIXTURE } from '../paths'

describe('stopping the local stack', () => {
  it('stops after the service was killed by a signal', async () => {
    const stack = await startStack({ fixture: DEFAULT_FIXTURE })

    process.kill(stack.servicePid!, 'SIGKILL')
    assert.equal(await stack.serviceExited, 'SIGKILL')
    const stopped = await Promise.race([
      stack.stop().then(() => 'stopped'),
      new Promise((r) => setTimeout(() => r('hung'), 8000)),
    ])

    assert.equal(stopped, 'stopped')
  })
})
