import React, { useState } from 'react'
import { fireEvent, render } from '@vtex/test-tools/react'

import { expectTabTrapped, focusReturnsTo, modalName } from '../testing/dialog'
import NewTokenDialog from './NewTokenDialog'

const TOKEN = 'N'.repeat(128)

/** The dialog as a page opens it: from a button, which gets the focus back when it closes. */
const Opener: React.FC = () => {
  const [open, setOpen] = useState(false)
  const button = React.useRef<HTMLButtonElement>(null)

  return (
    <div>
      <button ref={button} type="button" onClick={() => setOpen(true)}>
        Open token
      </button>
      {open && (
        <NewTokenDialog
          token={TOKEN}
          keyLabel="ERP orders sync"
          appKey="vtexappkey-acme-ORYNWX"
          onClose={() => setOpen(false)}
          returnFocus={() => button.current?.focus()}
        />
      )}
    </div>
  )
}

const open = () => {
  const utils = render(<Opener />)

  utils.getByText('Open token').focus()
  fireEvent.click(utils.getByText('Open token'))

  return utils
}

describe('NewTokenDialog', () => {
  it('is a modal dialog named by its title, with focus starting on Copy', () => {
    const { getByRole, getByText } = open()
    const dialog = getByRole('dialog')

    expect(modalName(dialog)).toContain('ERP orders sync')
    expect(document.activeElement).toBe(getByText('Copy').closest('button'))
  })

  it('Esc does not close it before the admin confirmed: it warns the token is never shown again; going back keeps the token', () => {
    const { getByRole, getByTestId, getByText, queryByTestId } = open()

    fireEvent.keyDown(getByRole('dialog'), { key: 'Escape' })
    expect(getByTestId('new-token-dialog')).toBeTruthy()
    expect(getByTestId('new-token-ask').textContent).toMatch(
      /never be shown again/
    )
    // The safe choice has the focus.
    expect(document.activeElement).toBe(
      getByText('Back to the token').closest('button')
    )
    fireEvent.click(getByText('Back to the token'))
    expect(queryByTestId('new-token-ask')).toBeNull()
    expect(getByTestId('new-token').textContent).toBe(TOKEN)
  })

  it('going back from the question keeps the focus inside the dialog, so Esc and Tab still work', () => {
    const { getByRole, getByText, getByLabelText, queryByTestId } = open()
    const dialog = getByRole('dialog')

    // Esc, then Esc again: the question goes, the focus starts again on Copy (the button that
    // had it, "I have saved it, close", was replaced by the question)
    fireEvent.keyDown(dialog, { key: 'Escape' })
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Escape' })
    expect(queryByTestId('new-token-ask')).toBeNull()
    expect(document.activeElement).toBe(getByText('Copy').closest('button'))
    // a third Esc reaches the dialog again and asks again
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Escape' })
    expect(queryByTestId('new-token-ask')).not.toBeNull()

    // "Back to the token" after × puts the focus back on ×
    fireEvent.click(getByText('Back to the token'))
    const close = getByLabelText('Close the new token’s window')

    close.focus()
    fireEvent.click(close)
    fireEvent.click(getByText('Back to the token'))
    expect(queryByTestId('new-token-ask')).toBeNull()
    expect(document.activeElement).toBe(close)
  })

  it('× asks too, and closing anyway drops the token and returns focus to the opener', async () => {
    const { getByLabelText, getByText, queryByTestId } = open()

    fireEvent.click(getByLabelText('Close the new token’s window'))
    expect(queryByTestId('new-token-dialog')).not.toBeNull()
    fireEvent.click(getByText('Close, I will not need it'))
    expect(queryByTestId('new-token-dialog')).toBeNull()
    expect(document.body.innerHTML).not.toContain(TOKEN.slice(0, 32))
    await focusReturnsTo(getByText('Open token'))
  })

  it('"I have saved it, close" closes at once (the admin confirmed) and focus returns to the opener', async () => {
    const { getByText, queryByTestId } = open()

    fireEvent.click(getByText('I have saved it, close'))
    expect(queryByTestId('new-token-dialog')).toBeNull()
    await focusReturnsTo(getByText('Open token'))
  })

  it('traps focus: Tab from the last control goes to the first, Shift+Tab from the first to the last', () => {
    const { getByRole } = open()

    expectTabTrapped(getByRole('dialog'))
  })
})
