// ESLint as VTEX apps use it: eslint-config-vtex (react/ adds vtex-react/io), Prettier with
// @vtex/prettier-config. Run by npm test (npm run lint; npm run format lays the code out).
// Generated code is not linted. Departures from the VTEX config: eslint.rules.js.
const rules = require('./eslint.rules')

module.exports = {
  root: true,
  extends: 'vtex',
  env: {
    node: true,
    es6: true,
    jest: true,
  },
  parserOptions: {
    ecmaVersion: 2022,
  },
  ignorePatterns: [
    'node_modules/',
    'dist/',
    'dev/shell/dist/',
    'dev/artifacts/',
    '*.d.ts',
    '*.js',
    'node/generated/',
    '*.generated.ts',
  ],
  overrides: [
    {
      files: ['*.ts', '*.tsx'],
      parserOptions: {
        project: [
          'node/tsconfig.test.json',
          'react/tsconfig.json',
          'dev/tsconfig.json',
          'dev/shell/tsconfig.json',
        ],
      },
      rules: rules.typescript,
    },
    {
      files: rules.testFiles,
      rules: rules.testsAndTooling,
    },
  ],
}
