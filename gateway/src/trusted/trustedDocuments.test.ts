import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TrustedDocuments } from './trustedDocuments.js';

const text = 'query Services { services(first: 1) { totalCount } }';
const hash = createHash('sha256').update(text).digest('hex');

describe('trusted documents', () => {
  it('finds a document by sha256 id, with or without the prefix', () => {
    const docs = new TrustedDocuments({ [hash]: text });
    expect(docs.lookup(`sha256:${hash}`)).toBe(text);
    expect(docs.lookup(hash)).toBe(text);
    expect(docs.lookup('sha256:00')).toBeUndefined();
  });

  it('refuses a manifest whose hash does not match its text', () => {
    expect(() => new TrustedDocuments({ [hash]: `${text} ` })).toThrow(/mismatch/);
  });
});
