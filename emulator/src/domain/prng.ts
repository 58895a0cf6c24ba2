/**
 * mulberry32: a small, fast, deterministic PRNG (32-bit state) for the seeds and for
 * probabilistic faults — the same seed always gives the same sequence.
 * @param seed any integer; only its low 32 bits are used.
 * @returns a function returning floats in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
