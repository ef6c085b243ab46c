// react/: VTEX's React config for IO apps, with the same departures as the root (eslint.rules.js).
const rules = require('../eslint.rules')

module.exports = {
  extends: 'vtex-react/io',
  env: { browser: true, es6: true, jest: true },
  overrides: [
    { files: ['*.ts', '*.tsx'], rules: rules.typescript },
    { files: rules.testFiles, rules: rules.testsAndTooling },
  ],
}
