// The few places Key Steward departs from eslint-config-vtex, shared by the root and react/
// configs (each must re-apply them after the vtex configs' own overrides).
module.exports = {
  // Type-aware rules that misread TypeScript 5.9 through eslint-config-vtex's typescript-eslint 5
  // (they see `any` where tsc --strict sees the type) are off: tsc --strict checks those cases.
  // Members are public unless marked, as TypeScript reads them.
  typescript: {
    // Retries, pages, one e-mail after another and worker pools await in order on purpose.
    'no-await-in-loop': 'off',
    // Declarations come in reading order (callers first); they are used only once defined at run time.
    '@typescript-eslint/no-use-before-define': [
      'error',
      { functions: false, classes: false, variables: false },
    ],
    '@typescript-eslint/require-array-sort-compare': 'off',
    '@typescript-eslint/explicit-member-accessibility': [
      'error',
      {
        accessibility: 'no-public',
      },
    ],
    '@typescript-eslint/restrict-plus-operands': 'off',
    '@typescript-eslint/no-implied-eval': 'off',
    '@typescript-eslint/prefer-nullish-coalescing': 'off',
    '@typescript-eslint/no-throw-literal': 'off',
  },
  // Tests and dev tooling print, await in order on purpose, and assert with node:assert too.
  testsAndTooling: {
    '@typescript-eslint/no-shadow': 'off',
    'no-loop-func': 'off',
    'no-multi-assign': 'off',
    'no-void': 'off',
    'no-console': 'off',
    'no-await-in-loop': 'off',
    'max-params': 'off',
    '@typescript-eslint/no-non-null-assertion': 'off',
    'node/global-require': 'off',
    '@typescript-eslint/no-require-imports': 'off',
    'jest/no-conditional-expect': 'off',
    'jest/expect-expect': [
      'error',
      {
        assertFunctionNames: [
          'wait',
          'waitFor*',
          'expect*',
          'assert*',
          'assert.*',
          '*.expect*',
        ],
      },
    ],
  },
  testFiles: [
    'dev/**/*.ts',
    'dev/**/*.tsx',
    '**/*.test.ts',
    '**/*.test.tsx',
    '**/testing/**',
  ],
}
