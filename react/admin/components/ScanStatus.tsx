// "Scan storefront now" (Exposure page) and "Run scan now" (the review's checklist): the button is
// disabled while the scan runs, which drops the keyboard focus to the page's body, and a scan that
// finds what the last one found changes nothing on the page. So the press moves focus to a polite
// status line, present before it speaks, that says the scan runs and then how it ended.
import React, { useEffect, useRef, useState } from 'react'
import { FormattedMessage } from 'react-intl'

/** What a finished scan tells (the fields runLeakScan.gql asks for). */
export interface ScanSummary {
  pagesScanned: number
  scriptsScanned: number
  exposedKeys: number
  complete: boolean
}

export type ScanState =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; scan: ScanSummary }
  | { phase: 'failed' }

/**
 * Runs the scan from a press: focus to the status line, then its outcome there. `run` is the
 * mutation; it rejects (the page shows the service's error) or resolves with the scan.
 */
export function useScanRun(
  run: () => Promise<{ data?: { runLeakScan?: ScanSummary | null } | null }>
): {
  start: () => void
  state: ScanState
  statusRef: React.RefObject<HTMLParagraphElement>
} {
  const statusRef = useRef<HTMLParagraphElement>(null)
  const [state, setState] = useState<ScanState>({ phase: 'idle' })
  const mounted = useRef(true)

  useEffect(
    () => () => {
      mounted.current = false
    },
    []
  )

  const start = () => {
    setState({ phase: 'running' })
    // before the button is disabled: focus never falls to the body
    statusRef.current?.focus()
    run().then(
      (r) => {
        const scan = r?.data?.runLeakScan

        if (mounted.current)
          setState(scan ? { phase: 'done', scan } : { phase: 'failed' })
      },
      () => {
        if (mounted.current) setState({ phase: 'failed' })
      }
    )
  }

  return { start, state, statusRef }
}

/** The status line the press focuses: empty until a scan runs, then what it is doing or found. */
export const ScanStatus: React.FC<{
  state: ScanState
  statusRef: React.RefObject<HTMLParagraphElement>
  className?: string
}> = ({ state, statusRef, className = '' }) => (
  <p
    ref={statusRef}
    tabIndex={-1}
    role="status"
    className={`${state.phase === 'idle' ? 'ma0' : 'mv3'} ${className}`}
    data-scan-status={state.phase}
  >
    {state.phase === 'running' && (
      <FormattedMessage id="admin/key-steward.scan.running" />
    )}
    {state.phase === 'done' && (
      <>
        <FormattedMessage
          id="admin/key-steward.scan.done"
          values={{
            pages: state.scan.pagesScanned,
            scripts: state.scan.scriptsScanned,
            keys: state.scan.exposedKeys,
          }}
        />
        {!state.scan.complete && (
          <>
            {' '}
            <FormattedMessage id="admin/key-steward.scan.doneIncomplete" />
          </>
        )}
      </>
    )}
    {state.phase === 'failed' && (
      <FormattedMessage id="admin/key-steward.scan.failed" />
    )}
  </p>
)
