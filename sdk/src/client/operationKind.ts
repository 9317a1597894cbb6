/** What one executable definition of a document is. */
export interface OperationHead {
  readonly kind: 'query' | 'mutation' | 'subscription';
  readonly name: string | undefined;
}

const NAME = /[_A-Za-z][_0-9A-Za-z]*/y;

/**
 * The operations of a document, found without the `graphql` package: a scan
 * of top-level keywords that skips strings, block strings and comments. The
 * client needs only the kind (reads are retried, writes never are) and the
 * name (sent as `operationName`).
 */
export function operationHeads(text: string): OperationHead[] {
  const heads: OperationHead[] = [];
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end + 1;
    } else if (c === '"') {
      if (text.startsWith('"""', i)) {
        const end = text.indexOf('"""', i + 3);
        i = end === -1 ? text.length : end + 3;
      } else {
        i += 1;
        while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
        i += 1;
      }
    } else if (c === '{') {
      // A selection set at the top level with no keyword is the query shorthand.
      if (depth === 0 && !lastWasDefinitionKeyword(text, i)) heads.push({ kind: 'query', name: undefined });
      depth += 1;
      i += 1;
    } else if (c === '}') {
      depth -= 1;
      i += 1;
    } else if (c === '$') {
      // A variable named like a keyword (`$query`) is not a definition.
      NAME.lastIndex = i + 1;
      i += 1 + (NAME.exec(text)?.[0].length ?? 0);
    } else if (depth === 0 && /[_A-Za-z]/.test(c)) {
      NAME.lastIndex = i;
      const word = NAME.exec(text)![0];
      i += word.length;
      if (word === 'query' || word === 'mutation' || word === 'subscription') {
        const rest = /\s*([_A-Za-z][_0-9A-Za-z]*)?/y;
        rest.lastIndex = i;
        heads.push({ kind: word, name: rest.exec(text)?.[1] });
      }
    } else {
      i += 1;
    }
  }
  return heads;
}

/** True when the `{` at `at` opens the body of a definition that started with a keyword. */
function lastWasDefinitionKeyword(text: string, at: number): boolean {
  const before = text.slice(0, at).replace(/#[^\n]*/g, '');
  const lastClose = before.lastIndexOf('}');
  return /\b(query|mutation|subscription|fragment)\b/.test(before.slice(lastClose + 1));
}

/** The operation `operationName` selects (or the only one); undefined when ambiguous. */
export function selectOperation(text: string, operationName?: string): OperationHead | undefined {
  const heads = operationHeads(text);
  if (operationName !== undefined) return heads.find((h) => h.name === operationName);
  return heads.length === 1 ? heads[0] : undefined;
}
