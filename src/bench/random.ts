/** A small seeded PRNG (mulberry32): the same seed gives the same run on the same backend. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `body` with `Math.random` replaced by a seeded generator. TF.js draws the seeds of its weight
 * initialisers and dropout masks, and `fit`'s shuffling, from `Math.random`; seeding it is the one place
 * that makes a whole training run repeatable without threading a seed through every layer.
 */
export async function withSeededRandom<T>(seed: number, body: () => Promise<T>): Promise<T> {
  const original = Math.random;
  Math.random = mulberry32(seed);
  try {
    return await body();
  } finally {
    Math.random = original;
  }
}

/** Fisher–Yates with a given generator; returns a new array. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
