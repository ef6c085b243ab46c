// Random capitals, as a token's, from a fixed seed so tests and benchmarks are repeatable.

/** Numbers in [0, 1) from a seed (xorshift: tokens come from a good source; this is enough). */
export function randomSource(seed: number): () => number {
  let x = seed

  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5

    return (x >>> 0) / 2 ** 32
  }
}

/** `n` strings of `letters` random capitals. */
export function randomCapitals(
  n: number,
  letters: number,
  seed: number
): string[] {
  const next = randomSource(seed)

  return Array.from({ length: n }, () =>
    Array.from({ length: letters }, () =>
      String.fromCharCode(65 + Math.floor(next() * 26))
    ).join('')
  )
}
