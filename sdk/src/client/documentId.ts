const ids = new Map<string, Promise<string>>();

/**
 * The trusted-document id of a document: `sha256:` + the lowercase hex SHA-256
 * of its exact text (UTF-8), as in `persisted-documents.json`. Uses Web Crypto
 * (Node 20 and browsers in secure contexts); computed once per document.
 */
export function documentId(text: string): Promise<string> {
  let id = ids.get(text);
  if (!id) {
    id = sha256Hex(text).then((hex) => `sha256:${hex}`);
    ids.set(text, id);
  }
  return id;
}

async function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new Error('Web Crypto is unavailable here (an insecure browser context?); use trustedDocuments: false');
  }
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
