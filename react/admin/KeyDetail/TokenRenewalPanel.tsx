// The key page's token renewal: what Key Steward knows (started, finished, or recorded by an
// admin), Renew / Finish with a confirmation, and a form to record a renewal done in VTEX's Admin.
import React, { useEffect, useRef, useState } from 'react'
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl'
import { Button, Input, Textarea } from 'vtex.styleguide'

import KeyActionButton from '../actions/KeyActionButton'
import PermissionNote from '../actions/PermissionNote'
import RenewTokenButton from '../actions/RenewTokenButton'
import type { KeyActionField } from '../actions/usePermissions'
import { useKeyChanged } from '../actions/useKeyChanged'
import KEY_AUDIT from '../graphql/keyAudit.gql'
import KEY_DETAIL from '../graphql/keyDetail.gql'
import RECORD from '../graphql/recordTokenRenewal.gql'
import type {
  KeyStewardRecordTokenRenewalMutation,
  KeyStewardRecordTokenRenewalMutationVariables,
} from '../graphql/types.generated'
import type { ActionPermission, ApiKey } from '../types'
import { readError } from '../utils/errors'
import { Notice } from '../components/Notice'
import { useSettledMutation } from '../apollo/useSettledMutation'
import { RereadNotice } from '../components/RereadNotice'

const day = (iso: string | null) =>
  iso ? (
    <FormattedDate value={iso} year="numeric" month="long" day="numeric" />
  ) : (
    '—'
  )

const Status: React.FC<{ apiKey: ApiKey }> = ({ apiKey }) => {
  const r = apiKey.renewal
  const values = {
    started: day(r.startedAt),
    finished: day(r.finishedAt),
    startedBy: r.startedBy ?? '—',
    finishedBy: r.finishedBy ?? '—',
    recordedBy: r.recordedBy ?? '—',
    note: r.note ?? '',
    tokenCreated: day(r.tokenCreatedAt),
  }

  const id =
    r.status === 'PENDING' && !r.startedBy ? 'PENDING_ELSEWHERE' : r.status

  return (
    <div data-renewal-status={r.status}>
      <p className="mt0">
        <FormattedMessage
          id={`admin/key-steward.renewal.status.${id}`}
          values={values}
        />
      </p>
      {r.status === 'RECORDED' && r.note && (
        <p className="f6 c-muted-1 mt0">“{r.note}”</p>
      )}
    </div>
  )
}

const RecordForm: React.FC<{
  apiKey: ApiKey
  permission?: ActionPermission
}> = ({ apiKey, permission }) => {
  const intl = useIntl()
  const t = (id: string) =>
    intl.formatMessage({ id: `admin/key-steward.renewal.record.${id}` })

  const [open, setOpen] = useState(false)
  const [date, setDate] = useState('')
  const [note, setNote] = useState('')
  const [saved, setSaved] = useState(false)
  // The button that opens the form goes away while it is open: focus moves to the form's first
  // field, and back to that button when the form closes (cancel or saved), never to the page.
  const opener = useRef<HTMLSpanElement>(null)
  const toggled = useRef(false)

  useEffect(() => {
    if (!toggled.current) return
    if (open) document.getElementById('renewal-date')?.focus()
    else opener.current?.querySelector('button')?.focus()
  }, [open])

  const toggle = (next: boolean) => {
    toggled.current = true
    setOpen(next)
  }

  const [save, saving] = useSettledMutation<
    KeyStewardRecordTokenRenewalMutation,
    KeyStewardRecordTokenRenewalMutationVariables
  >(RECORD, {
    refetchQueries: [
      { query: KEY_DETAIL, variables: { id: apiKey.id } },
      { query: KEY_AUDIT, variables: { keyId: apiKey.id } },
    ],
  })

  // the token's age moves the key in and out of the list's filters and the Overview's counts
  const keyChanged = useKeyChanged()
  const failure = readError(saving.error)
  const invalid = (field: string) =>
    failure?.fields.find((f) => f.field === field)?.message

  const denied = permission ? !permission.allowed : false

  if (!open) {
    return (
      <div className="mt4">
        {saved && (
          <div className="mb3">
            <Notice
              announce="polite"
              type="success"
              onClose={() => setSaved(false)}
            >
              {t('saved')}
            </Notice>
          </div>
        )}
        <span ref={opener}>
          <Button
            variation="tertiary"
            size="small"
            disabled={denied}
            onClick={() => toggle(true)}
          >
            {t('open')}
          </Button>
        </span>
        <PermissionNote permission={permission} />
        {/* the form closes once the date is recorded: said here, by the button it returns to */}
        <RereadNotice failed={saving.rereadFailed} />
      </div>
    )
  }

  return (
    <form
      className="mt4 pa4 ba b--muted-4 br2"
      aria-label={t('title')}
      onSubmit={(e) => {
        e.preventDefault()
        save({ variables: { keyId: apiKey.id, date, note } }).then(
          () => {
            keyChanged()
            toggle(false)
            setSaved(true)
            setDate('')
            setNote('')
          },
          () => undefined
        )
      }}
    >
      <h3 className="t-heading-6 mt0">{t('title')}</h3>
      <p className="f6 c-muted-1">{t('help')}</p>
      <div className="mb4" style={{ maxWidth: '16rem' }}>
        <Input
          id="renewal-date"
          type="date"
          label={t('date')}
          value={date}
          max={new Date().toISOString().slice(0, 10)}
          errorMessage={invalid('date')}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
            setDate(e.target.value)
          }
        />
      </div>
      <div className="mb4">
        <Textarea
          id="renewal-note"
          label={t('note')}
          value={note}
          errorMessage={invalid('note')}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
            setNote(e.target.value)
          }
        />
      </div>
      {failure && !failure.fields.length && (
        <div className="mb4">
          <Notice announce="assertive" type="error">
            {failure.message}
          </Notice>
        </div>
      )}
      <span className="mr3">
        <Button
          type="submit"
          size="small"
          isLoading={saving.loading}
          disabled={!date}
        >
          {t('save')}
        </Button>
      </span>
      <Button size="small" variation="tertiary" onClick={() => toggle(false)}>
        {t('cancel')}
      </Button>
    </form>
  )
}

const TokenRenewalPanel: React.FC<{
  apiKey: ApiKey
  can: (field: KeyActionField) => ActionPermission | undefined
}> = ({ apiKey, can }) => {
  const [finished, setFinished] = useState(false)
  // Finish goes away once the renewal is finished (its dialog has no button to return focus
  // to): focus moves to the notice that says it is done, not to the page's body.
  const finishedNotice = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (finished) finishedNotice.current?.focus()
  }, [finished])
  const refetch = [
    { query: KEY_DETAIL, variables: { id: apiKey.id } },
    { query: KEY_AUDIT, variables: { keyId: apiKey.id } },
  ]

  const pending = apiKey.renewal.status === 'PENDING'
  // A renewal VTEX may have started (its answer was lost) can be finished here too.
  const finishable = pending || apiKey.renewal.status === 'POSSIBLY_PENDING'

  return (
    <div>
      <Status apiKey={apiKey} />
      {finished && (
        <div
          className="mb4"
          ref={finishedNotice}
          tabIndex={-1}
          data-testid="renewal-finished"
        >
          <Notice
            announce="polite"
            type="success"
            onClose={() => setFinished(false)}
          >
            <FormattedMessage id="admin/key-steward.renewal.finishedNow" />
          </Notice>
        </div>
      )}
      {!apiKey.isActive && (
        <p className="f6 c-muted-1">
          <FormattedMessage id="admin/key-steward.renewal.inactive" />
        </p>
      )}
      <div>
        <RenewTokenButton
          offered={!pending}
          keyId={apiKey.id}
          appKey={apiKey.appKey}
          label={apiKey.label}
          permission={can('renewToken')}
        />
        {finishable && (
          <KeyActionButton
            kind="finish"
            keyId={apiKey.id}
            appKey={apiKey.appKey}
            label={apiKey.label}
            permission={can('finishTokenRenewal')}
            refetch={refetch}
            variation="primary"
            onDone={() => setFinished(true)}
          />
        )}
      </div>
      {/* the service refuses to record one while a renewal is pending: finish that one instead */}
      {!pending && (
        <RecordForm apiKey={apiKey} permission={can('recordTokenRenewal')} />
      )}
    </div>
  )
}

export default TokenRenewalPanel
