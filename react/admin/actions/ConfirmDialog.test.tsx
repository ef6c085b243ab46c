import React, { useState } from 'react'
import { fireEvent, render } from '@vtex/test-tools/react'

import { expectTabTrapped, focusReturnsTo, modalName } from '../testing/dialog'
import NewTokenDialog from './NewTokenDialog'
import ConfirmDialog from './ConfirmDialog'

const onConfirm = jest.fn()

/** The dialog as the action buttons open it; `then` opens the new token's window on confirm. */
const Opener: React.FC<{ then?: 'token' }> = ({ then }) => {
  const [open, setOpen] = useState(false)
  const [token, setToken] = useState(false)

  return (
    <div>
      <button type="button" onClick={() => setOpen(true)}>
        Deactivate key…
      </button>
      <ConfirmDialog
        isOpen={open}
        title="Deactivate this key?"
        keyLabel="ERP orders sync"
        appKey="vtexappkey-acme-ORYNWX"
        effect="Integrations using it stop working."
        confirmLabel="Deactivate"
        dangerous
        onConfirm={() => {
          onConfirm()
          setOpen(false)
          if (then === 'token') setToken(true)
        }}
        onCancel={() => setOpen(false)}
      />
      {token && (
        <NewTokenDialog
          token={'T'.repeat(128)}
          keyLabel="ERP orders sync"
          appKey="vtexappkey-acme-ORYNWX"
          onClose={() => setToken(false)}
        />
      )}
    </div>
  )
}

const open = (then?: 'token') => {
  const utils = render(<Opener then={then} />)
  const opener = utils.getByText('Deactivate key…')

  opener.focus()
  fireEvent.click(opener)

  return { ...utils, opener }
}

describe('ConfirmDialog', () => {
  beforeEach(() => onConfirm.mockReset())

  it('is a modal dialog named by its title, naming the key, with focus on Cancel', () => {
    const { getByRole, getByText } = open()
    const dialog = getByRole('dialog')

    expect(modalName(dialog)).toBe('Deactivate this key?')
    expect(dialog.textContent).toContain('ERP orders sync')
    expect(dialog.textContent).toContain('vtexappkey-acme-ORYNWX')
    expect(document.activeElement).toBe(getByText('Cancel').closest('button'))
  })

  it('keeps Tab inside: from the last control to the first and back', () => {
    const { getByRole } = open()

    expectTabTrapped(getByRole('dialog'))
  })

  it('Esc closes it without confirming, and focus returns to the button that opened it', async () => {
    const { getByRole, queryByRole, opener } = open()

    fireEvent.keyDown(getByRole('dialog'), { key: 'Escape' })
    expect(queryByRole('dialog')).toBeNull()
    expect(onConfirm).not.toHaveBeenCalled()
    await focusReturnsTo(opener)
  })

  it('Cancel closes it too and returns focus; confirming runs the action', async () => {
    const first = open()

    fireEvent.click(first.getByText('Cancel'))
    await focusReturnsTo(first.opener)
    first.unmount()

    const second = open()

    fireEvent.click(second.getByText('Deactivate'))
    expect(onConfirm).toHaveBeenCalledTimes(1)
  })

  it('leaves the focus in a dialog that opens as it closes (renew → new token)', async () => {
    const { getByText, getByTestId } = open('token')

    fireEvent.click(getByText('Deactivate'))
    const copy = getByText('Copy').closest('button')

    expect(getByTestId('new-token-dialog')).toBeTruthy()
    expect(document.activeElement).toBe(copy)
    await new Promise((r) => setTimeout(r, 20))
    expect(document.activeElement).toBe(copy)
  })
})
