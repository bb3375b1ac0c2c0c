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
  /**
   * The deeper transitions, (node << 16 | char) → child node: built in an IntMap, then frozen into
   * one open-addressing table for scanning — keys (never 0, as nodes start at 1) and child nodes,
   * a quarter full, so a lookup is a hash and usually a single probe, with no generation stamps to
   * check as in the general-purpose map.
   */
  private edgeKeys = new Uint32Array(0);
  private edgeNodes = new Uint16Array(0);
  private edgeShift = 32;
  /** node → index of the term ending there, plus one (0: none) */
  private readonly ends: number[] = [0];
  private readonly entries: Entry<T>[] = [];
  private maxLength = 0;
  /**
   * Which (first, second) character pairs may start a term, by their low bytes: a cheap filter,
   * one bit per pair so the whole filter (8 KB) stays in the first-level cache.
   */
  private readonly pairs = new Int32Array(65536 >>> 5);
  /** Scratch: terms ending along the current walk. */
  private found = new Int32Array(0);
  /** Characters whose positions a scan also reports (1), see the constructor. */
  private readonly marked = new Uint8Array(65536);

  /**
   * @param items the terms and their payloads (terms shorter than two characters are ignored)
   * @param marks single characters whose every position `scan` also reports, for a caller that
   *   looks for them in the same texts: the pass over the text is shared instead of repeated
   */
  constructor(items: Iterable<readonly [string, T]>, marks = "") {
    const edges = new IntMap(1024);
    for (let k = 0; k < marks.length; k++) {
      const m = marks.charCodeAt(k);
      this.marked[m] = 1;
      // Every pair starting with a marked character passes the filter.
      for (let lo = 0; lo < 256; lo++) {
        const pair = ((m & 0xff) << 8) | lo;
        this.pairs[pair >>> 5]! |= 1 << (pair & 31);
      }
    }
    for (const [term, payload] of items) {
      if (term.length < 2) continue;
      let node = this.root[term.charCodeAt(0)] as number;
      if (node === 0) {
        node = this.newNode();
        this.root[term.charCodeAt(0)] = node;
      }
      for (let k = 1; k < term.length; k++) {
        const key = pairKey(node, term.charCodeAt(k));
        let next = edges.get(key, 0);
        if (next === 0) {
          next = this.newNode();
          edges.set(key, next);
        }
        node = next;
      }
      const pair = ((term.charCodeAt(0) & 0xff) << 8) | (term.charCodeAt(1) & 0xff);
      this.pairs[pair >>> 5]! |= 1 << (pair & 31);
      if (this.ends[node] === 0) {
        this.entries.push({ term, payload });
        this.ends[node] = this.entries.length;
      }
      this.maxLength = Math.max(this.maxLength, term.length);
    }
    this.found = new Int32Array(this.maxLength + 1);
    this.freezeEdges(edges);
  }

  private freezeEdges(edges: IntMap): void {
    let cap = 16;
    while (cap < edges.size * 4) cap <<= 1;
    this.edgeKeys = new Uint32Array(cap);
    this.edgeNodes = new Uint16Array(cap);
    this.edgeShift = 32 - Math.log2(cap);
    // Every edge lies on the path of some term.
    for (const { term } of this.entries) {
      let node = this.root[term.charCodeAt(0)] as number;
      for (let k = 1; k < term.length; k++) {
        const key = pairKey(node, term.charCodeAt(k));
        const child = edges.get(key, 0);
        let h = Math.imul(key, 0x9e3779b1) >>> this.edgeShift;
        while (this.edgeKeys[h] !== 0 && this.edgeKeys[h] !== key) h = (h + 1) & (cap - 1);
        this.edgeKeys[h] = key;
        this.edgeNodes[h] = child;
        node = child;
      }
    }
  }

  private newNode(): number {
    this.ends.push(0);
    if (this.ends.length >= 65536) throw new Error("Lexicon: too many trie nodes");
    return this.ends.length - 1;
  }

  /**
   * Calls `visit` for every occurrence of every term in `text` (overlapping ones included), in
   * text order and, at one position, longest term first; and `mark` for every position of a
   * marked character, in text order.
   */
  scan(text: string, visit: (term: string, payload: T, at: number) => void, mark?: (at: number) => void): void {
    const { root, edgeKeys, edgeNodes, edgeShift, ends, entries, pairs, found, marked, maxLength } = this;
    const mask = edgeKeys.length - 1;
    const n = text.length;
    // Each character is read once: the second of one pair is the first of the next.
    let d = n > 0 ? text.charCodeAt(0) : 0;
    for (let i = 0; i + 1 < n; i++) {
      const c = d;
      d = text.charCodeAt(i + 1);
      // The pair filter first (it rejects about 19 positions in 20), then the trie.
      const pair = ((c & 0xff) << 8) | (d & 0xff);
      if (((pairs[pair >>> 5] as number) & (1 << (pair & 31))) === 0) continue;
      if (marked[c] === 1 && mark) mark(i);
      let node = root[c] as number;
      if (node === 0) continue;
      const limit = Math.min(n, i + maxLength);
      let count = 0;
      for (let j = i + 1; j < limit; j++) {
        const key = pairKey(node, j === i + 1 ? d : text.charCodeAt(j));
        let h = Math.imul(key, 0x9e3779b1) >>> edgeShift;
        let k = edgeKeys[h] as number;
        while (k !== key && k !== 0) {
          h = (h + 1) & mask;
          k = edgeKeys[h] as number;
        }
        if (k === 0) break;
        node = edgeNodes[h] as number;
        const e = ends[node] as number;
        if (e !== 0) found[count++] = e - 1;
      }
      // Longest first at one position.
      for (let k = count - 1; k >= 0; k--) {
        const entry = entries[found[k] as number] as Entry<T>;
        visit(entry.term, entry.payload, i);
      }
    }
    // The last character starts no pair.
    if (mark && n > 0 && marked[text.charCodeAt(n - 1)] === 1) mark(n - 1);
  }
}
