import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The trusted-documents manifest generated from `sdk/operations` (sha256 of
 * the exact text → text). Clients send `documentId: "sha256:<hex>"` instead
 * of a query; the gateway runs only what the manifest holds.
 */
export class TrustedDocuments {
  readonly #byId: ReadonlyMap<string, string>;

  constructor(documents: Readonly<Record<string, string>>) {
    const byId = new Map<string, string>();
    for (const [hash, text] of Object.entries(documents)) {
      const id = hash.startsWith('sha256:') ? hash.slice(7) : hash;
      // A manifest entry whose hash does not match its text is refused whole.
      if (createHash('sha256').update(text).digest('hex') !== id) {
        throw new Error(`trusted documents manifest: hash mismatch for ${id.slice(0, 12)}…`);
      }
      byId.set(id, text);
    }
    this.#byId = byId;
  }

  /** Reads a manifest; a missing file means no trusted documents (every documentId is unknown). */
  static fromFile(path: string | undefined): TrustedDocuments {
    if (!path) return new TrustedDocuments({});
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch {
      return new TrustedDocuments({});
    }
    return new TrustedDocuments(JSON.parse(raw) as Record<string, string>);
  }

  get size(): number {
    return this.#byId.size;
  }

  /** The document text for `sha256:<hex>` (or bare hex), or undefined. */
  lookup(documentId: string): string | undefined {
    const id = documentId.startsWith('sha256:') ? documentId.slice(7) : documentId;
    return this.#byId.get(id);
  }
}
