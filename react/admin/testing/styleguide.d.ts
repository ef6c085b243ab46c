// Test-only: react/__mocks__/vtex.styleguide.tsx re-exports vtex.styleguide's npm twin, which
// ships no types. Production code imports vtex.styleguide (react/typings/vtex.d.ts).
declare module '@vtex/styleguide'
