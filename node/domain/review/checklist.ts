// The seven practices of VTEX's guide as a checklist: automatic evidence where Key Steward can
// measure it, an attestation with a note where it cannot.
import type { Practice } from '../findings'
import { exposedKeys, scanCompleteness } from '../leaks/completeness'
import type { StoredScan } from '../rules/types'
import type { ReviewEvidence } from './types'

/** Practices that only a person can attest (no automatic evidence). */
export const ATTESTED: Practice[] = ['AWARENESS', 'NO_SHARING']

export interface EvidenceLine {
  id: string
  value: number | string
  ok: boolean
}

/** Evidence lines per practice; ids are message keys the UI and the export translate. */
export function evidenceFor(
  practice: Practice,
  e: ReviewEvidence
): EvidenceLine[] {
  switch (practice) {
    case 'ROTATE_KEYS':
      return [
        {
          id: 'activeWithinRotation',
          value: `${e.activeWithinRotation}/${e.activeKeys}`,
          ok: e.activeWithinRotation === e.activeKeys,
        },
      ]

    case 'RENEW_TOKENS':
      return [
        {
          id: 'unfinishedRenewals',
          value: e.unfinishedRenewals,
          ok: e.unfinishedRenewals === 0,
        },
      ]

    case 'REASSESS_ACCESS':
      return [
        {
          id: 'keysHighOrWorse',
          value: e.keysHighOrWorse,
          ok: e.keysHighOrWorse === 0,
        },
        {
          id: 'ownerUsers',
          value: `${e.ownerUsers}/${e.maxOwnerUsers}`,
          ok: e.ownerUsers <= e.maxOwnerUsers,
        },
        // last, so the export's evidence cell keeps its earlier items where they were
        ...(e.keysHighOrWorseNow === undefined
          ? []
          : [
              {
                id: 'keysHighOrWorseNow',
                value: e.keysHighOrWorseNow,
                ok: e.keysHighOrWorseNow === 0,
              },
            ]),
      ]

    case 'INDIVIDUAL_KEYS':
      return [
        {
          id: 'keysWithoutOwner',
          value: e.keysWithoutOwner,
          ok: e.keysWithoutOwner === 0,
        },
        {
          id: 'genericLabels',
          value: e.genericLabels,
          ok: e.genericLabels === 0,
        },
        {
          id: 'duplicateLabels',
          value: e.duplicateLabels,
          ok: e.duplicateLabels === 0,
        },
        { id: 'sharedKeys', value: e.sharedKeys, ok: e.sharedKeys === 0 },
      ]

    case 'NO_CLIENT_SIDE':
      if (!e.leakScan) return [{ id: 'noLeakScan', value: '—', ok: false }]

      // A scan that could not read every URL cannot vouch that none exposes a key.
      return [
        {
          id: 'exposedKeys',
          value: e.leakScan.exposedKeys,
          ok: e.leakScan.exposedKeys === 0 && e.leakScan.complete !== false,
        },
        ...(e.leakScan.complete === false
          ? [
              {
                id: 'leakScanIncomplete',
                value: e.leakScan.unreadCount ?? '—',
                ok: false,
              },
            ]
          : []),
      ]

    default:
      return []
  }
}

/** The NO_CLIENT_SIDE evidence a review records of the latest storefront scan. */
export function leakScanEvidence(
  scan: StoredScan | null | undefined
): ReviewEvidence['leakScan'] {
  if (!scan) return null
  const appKeys = [
    ...new Set(
      scan.exposures.filter((e) => e.appKey).map((e) => e.appKey as string)
    ),
  ].sort()

  return {
    at: scan.at,
    exposedKeys: exposedKeys(scan),
    ...scanCompleteness(scan),
    appKeys,
  }
}
