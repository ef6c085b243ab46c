import React from 'react'
import { useIntl } from 'react-intl'

import { scanTime } from '../utils/scanTime'

/** The daily scan's time as every page writes it: in UTC and saying so (utils/scanTime.ts). */
export const ScanTime: React.FC<{ value: string }> = ({ value }) => {
  const { locale } = useIntl()

  return <>{scanTime(locale, value)}</>
}
