// Tests render the real components: vtex.styleguide is published on npm as @vtex/styleguide.
export * from '@vtex/styleguide'
