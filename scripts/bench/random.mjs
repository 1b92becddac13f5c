/**
 * A small seeded pseudo-random generator (mulberry32), so that the same seed always generates
 * the same tree, on every machine and every Node version. Not for anything but test data.
 */

export class Random {
  /** @param {number} seed any integer; only its low 32 bits are used */
  constructor(seed) {
    /** @private */
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next() {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /**
   * An integer in [min, max], both included.
   * @param {number} min
   * @param {number} max
   */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /**
   * True with probability `p`.
   * @param {number} p
   */
  chance(p) {
    return this.next() < p;
  }

  /**
   * One element of a non-empty array.
   * @template T
   * @param {readonly T[]} items
   * @returns {T}
   */
  pick(items) {
    if (items.length === 0) throw new Error("pick from an empty array");
    return /** @type {T} */ (items[Math.floor(this.next() * items.length)]);
  }

  /**
   * `count` distinct elements (all of them if there are fewer), in random order.
   * @template T
   * @param {readonly T[]} items
   * @param {number} count
   * @returns {T[]}
   */
  sample(items, count) {
    return this.shuffle([...items]).slice(0, count);
  }

  /**
   * Shuffles in place (Fisher–Yates) and returns the array.
   * @template T
   * @param {T[]} items
   * @returns {T[]}
   */
  shuffle(items) {
    for (let index = items.length - 1; index > 0; index--) {
      const other = Math.floor(this.next() * (index + 1));
      const swap = /** @type {T} */ (items[index]);
      items[index] = /** @type {T} */ (items[other]);
      items[other] = swap;
    }
    return items;
  }
}
