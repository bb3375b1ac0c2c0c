/**
 * Fast lookup structures for the hot loops: an integer hash map that clears in O(1) (so one can be
 * reused for every paragraph of every page), and dictionary scanning for the category terms and
 * gazetteer names — one pass over a text finds every listed term at every position. Terms are
 * indexed by their first two code units packed into one 32-bit key, behind a 64K-entry filter, so
 * most characters cost two array reads and no hashing, no regex, no substring allocation.
 */

/** Two UTF-16 code units packed into one non-zero 32-bit key. */
export function pairKey(a: number, b: number): number {
  return ((a << 16) | b) >>> 0;
}

/**
 * An open-addressing hash map from 32-bit keys to int32 values. `clear()` is O(1): entries carry
 * the generation they were written in, and a new generation makes them all stale at once.
 */
export class IntMap {
  private keys: Uint32Array;
  private vals: Int32Array;
  private stamps: Uint32Array;
  private mask: number;
  /** 32 − log2(capacity): the hash uses the product's top bits, which mix best. */
  private shift: number;
  private gen = 1;
  private used = 0;

  constructor(capacity = 64) {
    let cap = 16;
    while (cap < capacity * 2) cap <<= 1;
    this.keys = new Uint32Array(cap);
    this.vals = new Int32Array(cap);
    this.stamps = new Uint32Array(cap);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
  }

  private slot(key: number): number {
    const { keys, stamps, gen, mask } = this;
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (stamps[i] === gen && keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  /** The value for `key`, or `missing`. */
  get(key: number, missing = -1): number {
    const i = this.slot(key);
    return this.stamps[i] === this.gen ? (this.vals[i] as number) : missing;
  }

  has(key: number): boolean {
    return this.stamps[this.slot(key)] === this.gen;
  }

  set(key: number, value: number): void {
    let i = this.slot(key);
    if (this.stamps[i] !== this.gen) {
      if ((this.used + 1) * 2 > this.keys.length) {
        this.grow();
        i = this.slot(key);
      }
      this.stamps[i] = this.gen;
      this.keys[i] = key;
      this.used++;
    }
    this.vals[i] = value;
  }

  /**
   * Sets `key` to `value` unless it is present; returns the value now stored (so a caller can
   * assign ids: `map.setIfAbsent(key, nextId)`).
   */
  setIfAbsent(key: number, value: number): number {
    const i = this.slot(key);
    if (this.stamps[i] === this.gen) return this.vals[i] as number;
    this.set(key, value);
    return value;
  }

  get size(): number {
    return this.used;
  }

  /** Forgets every entry, in O(1). */
  clear(): void {
    this.used = 0;
    this.gen = (this.gen + 1) >>> 0;
    if (this.gen === 0) {
      this.stamps.fill(0);
      this.gen = 1;
    }
  }

  private grow(): void {
    const { keys, vals, stamps, gen } = this;
    const cap = keys.length * 2;
    this.keys = new Uint32Array(cap);
    this.vals = new Int32Array(cap);
    this.stamps = new Uint32Array(cap);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
    this.gen = 1;
    for (let i = 0; i < keys.length; i++) {
      if (stamps[i] !== gen) continue;
      const j = this.slot(keys[i] as number);
      this.stamps[j] = 1;
      this.keys[j] = keys[i] as number;
      this.vals[j] = vals[i] as number;
    }
  }
}

interface Entry<T> {
  term: string;
  payload: T;
}

/**
 * A set of terms (two or more characters each) with a payload, scanned for in texts. A trie: the
 * root's children are a direct 64K table (most characters start no term and cost one array read),
 * deeper transitions live in one integer hash map keyed by (node, character). Walking the text's
 * own characters finds every term at a position in one pass, however many terms share a prefix
 * ("聊城市…" starts a hundred names).
 */
export class Lexicon<T> {
  private readonly root = new Uint16Array(65536);
  /** (node << 16 | char) → child node */
  private readonly edges = new IntMap(1024);
  /** node → index of the term ending there, plus one (0: none) */
  private readonly ends: number[] = [0];
  private readonly entries: Entry<T>[] = [];
  private maxLength = 0;
  /** Which (first, second) character pairs may start a term, by their low bytes: a cheap filter. */
  private readonly pairs = new Uint8Array(65536);
  /** Scratch: terms ending along the current walk. */
  private found = new Int32Array(0);

  constructor(items: Iterable<readonly [string, T]>) {
    for (const [term, payload] of items) {
      if (term.length < 2) continue;
      let node = this.root[term.charCodeAt(0)] as number;
      if (node === 0) {
        node = this.newNode();
        this.root[term.charCodeAt(0)] = node;
      }
      for (let k = 1; k < term.length; k++) {
        const key = pairKey(node, term.charCodeAt(k));
        let next = this.edges.get(key, 0);
        if (next === 0) {
          next = this.newNode();
          this.edges.set(key, next);
        }
        node = next;
      }
      this.pairs[((term.charCodeAt(0) & 0xff) << 8) | (term.charCodeAt(1) & 0xff)] = 1;
      if (this.ends[node] === 0) {
        this.entries.push({ term, payload });
        this.ends[node] = this.entries.length;
      }
      this.maxLength = Math.max(this.maxLength, term.length);
    }
    this.found = new Int32Array(this.maxLength + 1);
  }

  private newNode(): number {
    this.ends.push(0);
    if (this.ends.length >= 65536) throw new Error("Lexicon: too many trie nodes");
    return this.ends.length - 1;
  }

  /**
   * Calls `visit` for every occurrence of every term in `text` (overlapping ones included), in
   * text order and, at one position, longest term first.
   */
  scan(text: string, visit: (term: string, payload: T, at: number) => void): void {
    const { root, edges, ends, entries, pairs, found } = this;
    const n = text.length;
    for (let i = 0; i + 1 < n; i++) {
      const c = text.charCodeAt(i);
      const d = text.charCodeAt(i + 1);
      // The 64 KB pair filter first (it stays in cache and rejects most positions), then the trie.
      if (pairs[((c & 0xff) << 8) | (d & 0xff)] === 0) continue;
      let node = root[c] as number;
      if (node === 0) continue;
      const limit = Math.min(n, i + this.maxLength);
      let count = 0;
      for (let j = i + 1; j < limit; j++) {
        node = edges.get(pairKey(node, text.charCodeAt(j)), 0);
        if (node === 0) break;
        const e = ends[node] as number;
        if (e !== 0) found[count++] = e - 1;
      }
      // Longest first at one position.
      for (let k = count - 1; k >= 0; k--) {
        const entry = entries[found[k] as number] as Entry<T>;
        visit(entry.term, entry.payload, i);
      }
    }
  }
}
