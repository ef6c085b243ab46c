import React, { useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button, Input, Textarea } from 'vtex.styleguide'

import ANNOTATE from '../graphql/annotateKey.gql'
import KEY_DETAIL from '../graphql/keyDetail.gql'
import type {
  KeyStewardAnnotateKeyMutation,
  KeyStewardAnnotateKeyMutationVariables,
} from '../graphql/types.generated'
import type { Annotation } from '../types'
import { readError } from '../utils/errors'
import { Notice } from '../components/Notice'
import TextField from '../components/TextField'
import { useKeyChanged } from '../actions/useKeyChanged'
import { useSettledMutation } from '../apollo/useSettledMutation'
import { RereadNotice } from '../components/RereadNotice'

const OwnershipForm: React.FC<{
  keyId: string
  annotation: Annotation | null | undefined
}> = ({ keyId, annotation }) => {
  const intl = useIntl()
  const t = (id: string) =>
    intl.formatMessage({ id: `admin/key-steward.ownership.${id}` })

  const [owner, setOwner] = useState(annotation?.owner ?? '')
  const [integrations, setIntegrations] = useState(
    (annotation?.integrations ?? []).join(', ')
  )

  const [purpose, setPurpose] = useState(annotation?.purpose ?? '')
  const [notes, setNotes] = useState(annotation?.notes ?? '')
  const [saved, setSaved] = useState(false)
  // While saving, the button is disabled and the browser drops focus to the page's start. Once
  // the answer is shown, focus returns: to the first refused field, else to the button (the
  // notice just above it is announced).
  const submit = useRef<HTMLSpanElement>(null)
  const [refocus, setRefocus] = useState<{ field: string | null } | null>(null)

  useEffect(() => {
    if (!refocus) return
    const target = refocus.field
      ? document.getElementById(`ownership-${refocus.field}`)
      : submit.current?.querySelector('button')

    target?.focus()
  }, [refocus])
  const [save, saving] = useSettledMutation<
    KeyStewardAnnotateKeyMutation,
    KeyStewardAnnotateKeyMutationVariables
  >(ANNOTATE, {
    // the key page reads this key again: its findings follow the owner and integrations
    refetchQueries: [{ query: KEY_DETAIL, variables: { id: keyId } }],
  })

  // and so do the API keys list and the Overview (a filter such as "No owner recorded")
  const keyChanged = useKeyChanged()

  const failure = readError(saving.error)
  const invalid = (field: string) =>
    failure?.fields.some((f) => f.field === field)
      ? t(`invalid.${field}`)
      : undefined

  const errorsOf = (field: string) => {
    const said = invalid(field)

    return said ? [said] : []
  }

  return (
    <form
      aria-label={t('title')}
      onSubmit={(e) => {
        e.preventDefault()
        setSaved(false)
        const list = integrations
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)

        save({
          variables: {
            keyId,
            annotation: { owner, integrations: list, purpose, notes },
          },
        }).then(
          () => {
            setSaved(true)
            setRefocus({ field: null })
            keyChanged()
          },
          (refused) =>
            setRefocus({
              field: readError(refused)?.fields[0]?.field ?? null,
            })
        )
      }}
    >
      <div className="flex flex-wrap">
        {/* Help outside the label (TextField), so each field's name is its label alone
            (walk15 #4): the help is its description. */}
        <TextField
          id="ownership-owner"
          name="owner"
          className="w-100 w-50-l pr4-l mb4"
          label={t('owner')}
          help={t('ownerHelp')}
          value={owner}
          errors={errorsOf('owner')}
          onChange={setOwner}
        />
        <TextField
          id="ownership-integrations"
          name="integrations"
          className="w-100 w-50-l mb4"
          label={t('integrations')}
          help={t('integrationsHelp')}
          value={integrations}
          errors={errorsOf('integrations')}
          onChange={setIntegrations}
        />
        <div className="w-100 mb4">
          <Input
            id="ownership-purpose"
            label={t('purpose')}
            value={purpose}
            errorMessage={invalid('purpose')}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
              setPurpose(e.target.value)
            }
          />
        </div>
        <div className="w-100 mb4">
          {/* Label and text sized like the Inputs' by components/fields.css. */}
          <Textarea
            id="ownership-notes"
            label={t('notes')}
            value={notes}
            errorMessage={invalid('notes')}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
              setNotes(e.target.value)
            }
          />
        </div>
      </div>
      {/* How the save went, by the button that keeps focus (as Settings does): above the fields it
          was out of sight at 1024 px, and the filled field read as saved (walk15 #1). */}
      <div data-testid="ownership-answer">
        {saved && (
          <div className="mb4">
            <Notice
              announce="polite"
              type="success"
              onClose={() => setSaved(false)}
            >
              {t('saved')}
            </Notice>
          </div>
        )}
        {failure && !failure.fields.length && (
          <div className="mb4">
            <Notice announce="assertive" type="error">
              {failure.message}
            </Notice>
          </div>
        )}
      </div>
      <span ref={submit}>
        <Button type="submit" variation="secondary" isLoading={saving.loading}>
          <FormattedMessage id="admin/key-steward.ownership.save" />
        </Button>
      </span>
      <RereadNotice failed={saving.rereadFailed} />
    </form>
  )
}

export default OwnershipForm
