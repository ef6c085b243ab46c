import React, { useState } from 'react'
import { useMutation } from 'react-apollo'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button, Dropdown, Textarea } from 'vtex.styleguide'

import CHECK from '../graphql/checkPractice.gql'
import REVIEW from '../graphql/review.gql'
import { readError } from '../utils/errors'
import type { CheckStatus, ChecklistItem } from './types'

const STATUSES: CheckStatus[] = ['OPEN', 'DONE', 'NOT_APPLICABLE']

const Item: React.FC<{ item: ChecklistItem }> = ({ item }) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `admin/key-steward.${id}` }, values)
  const [status, setStatus] = useState<CheckStatus>(item.status)
  const [note, setNote] = useState(item.note)
  const [save, saving] = useMutation(CHECK, { refetchQueries: [{ query: REVIEW }], awaitRefetchQueries: true })
  const failure = readError(saving.error)
  const dirty = status !== item.status || note !== item.note

  return (
    <li className="pv4 bb b--muted-4" data-practice={item.practice} data-status={item.status}>
      <div className="flex items-start justify-between flex-wrap">
        <div className="w-100 w-50-l pr5">
          <h3 className="t-heading-5 mt0 mb3"><FormattedMessage id={`admin/key-steward.practice.${item.practice}`} /></h3>
          <p className="mt0 mb3 c-muted-1 f6"><FormattedMessage id={`admin/key-steward.review.practiceHelp.${item.practice}`} /></p>
          {item.attested ? (
            <p className="f6 c-warning mt0"><FormattedMessage id="admin/key-steward.review.attested" /></p>
          ) : (
            <ul className="list pa0 ma0 f6">
              {item.evidence.map(e => (
                <li key={e.id} className="mb1" data-evidence={e.id}>
                  <span aria-hidden="true" className={e.ok ? 'c-success' : 'c-danger'}>{e.ok ? '✔' : '✖'} </span>
                  <span className="clip">{t(e.ok ? 'review.evidenceOk' : 'review.evidenceNotOk')}</span>
                  <FormattedMessage id={`admin/key-steward.review.evidence.${e.id}`} />: <strong>{e.value}</strong>
                </li>
              ))}
            </ul>
          )}
          {item.checkedBy && (
            <p className="f7 c-muted-2 mb0"><FormattedMessage id="admin/key-steward.review.checkedBy" values={{ who: item.checkedBy, when: intl.formatDate(item.checkedAt!, { dateStyle: 'medium' } as never) }} /></p>
          )}
        </div>
        <form
          className="w-100 w-50-l"
          aria-label={t(`practice.${item.practice}`)}
          onSubmit={e => {
            e.preventDefault()
            save({ variables: { practice: item.practice, status, note } }).catch(() => undefined)
          }}
        >
          <div className="mb3">
            <Dropdown
              label={t('review.status')}
              value={status}
              options={STATUSES.map(s => ({ value: s, label: t(`review.check.${s}`) }))}
              onChange={(_: unknown, v: CheckStatus) => setStatus(v)}
            />
          </div>
          <div className="mb3">
            <Textarea
              label={t('review.note')}
              value={note}
              rows={2}
              errorMessage={failure?.fields.some(f => f.field === 'note') ? t('review.noteNeeded') : undefined}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNote(e.target.value)}
            />
          </div>
          {failure && !failure.fields.length && <p className="c-danger f6" role="alert">{failure.message}</p>}
          <Button type="submit" size="small" variation="secondary" disabled={!dirty} isLoading={saving.loading}>
            <FormattedMessage id="admin/key-steward.review.saveCheck" />
          </Button>
        </form>
      </div>
    </li>
  )
}

const Checklist: React.FC<{ items: ChecklistItem[] }> = ({ items }) => (
  <ul className="list pa0 ma0">{items.map(i => <Item key={`${i.practice}-${i.status}-${i.note}`} item={i} />)}</ul>
)

export default Checklist
