import type { SubgraphContext } from '@amparo/kit';
import type { InterpretersLoaders } from './loaders.js';
import { assertMayReadInterpreters } from './registry/interpreterAccess.js';
import type { Interpreter } from './registry/interpreterRow.js';
import { searchInterpreters } from './registry/searchInterpreters.js';

type Context = SubgraphContext<InterpretersLoaders>;
const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export const resolvers = {
  Query: {
    interpreter: (_: unknown, { id }: { id: string }, ctx: Context) =>
      isUuid(id) ? ctx.loaders.interpreter.load(id) : null,
    interpreters: (_: unknown, args: Parameters<typeof searchInterpreters>[1], ctx: Context) =>
      searchInterpreters(ctx.db, args),
  },
  Interpreter: {
    __resolveReference: (ref: { id: string }, ctx: Context) => {
      assertMayReadInterpreters(ctx.principal);
      return isUuid(ref.id) ? ctx.loaders.interpreter.load(ref.id) : null;
    },
    languages: (interpreter: Interpreter, _: unknown, ctx: Context) =>
      ctx.loaders.languagesOfInterpreter.load(interpreter.id),
    certifications: (interpreter: Interpreter, _: unknown, ctx: Context) =>
      ctx.loaders.certificationsOfInterpreter.load(interpreter.id),
  },
};
