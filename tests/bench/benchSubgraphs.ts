import { buildSubgraphSchema } from '@apollo/subgraph';
// Not re-exported from the package root; a type-only import, erased at runtime.
import type { GraphQLSchemaModule } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import Fastify from 'fastify';
import { parse, type DocumentNode } from 'graphql';
import mercurius from 'mercurius';
import { PRODUCTS, REVIEWS, USERS, type BenchProduct, type BenchReview } from './benchWorkload.js';

export interface BenchSubgraph {
  readonly name: 'accounts' | 'inventory' | 'products' | 'reviews';
  readonly typeDefs: DocumentNode;
  readonly resolvers: NonNullable<GraphQLSchemaModule['resolvers']>;
}

// Federation 1 SDL, as the original Rust subgraphs publish it, so that every
// gateway under test (Mercurius' included) can compose it.
const accounts: BenchSubgraph = {
  name: 'accounts',
  typeDefs: parse(`
    extend type Query { me: User user(id: ID!): User users: [User] }
    type User @key(fields: "id") { id: ID! name: String username: String birthday: Int }
  `),
  resolvers: {
    Query: {
      me: () => USERS[0],
      user: (_: unknown, args: { id: string }) => USERS.find((u) => u.id === args.id) ?? null,
      users: () => USERS,
    },
    User: {
      __resolveReference: (reference: { id: string }) => USERS.find((u) => u.id === reference.id) ?? null,
    },
  },
};

const inventory: BenchSubgraph = {
  name: 'inventory',
  typeDefs: parse(`
    extend type Product @key(fields: "upc") {
      upc: String! @external
      weight: Int @external
      price: Int @external
      inStock: Boolean
      shippingEstimate: Int @requires(fields: "price weight")
    }
  `),
  resolvers: {
    Product: {
      __resolveReference: (reference: { upc: string; price?: number; weight?: number }) => {
        const stock = PRODUCTS.find((p) => p.upc === reference.upc);
        return stock ? { ...reference, inStock: stock.inStock } : null;
      },
      shippingEstimate: (product: { price?: number | null; weight?: number | null }) => {
        if (product.price === undefined || product.price === null) return null;
        if (product.price > 1000) return 0;
        return product.weight === undefined || product.weight === null ? null : Math.trunc(product.weight / 2);
      },
    },
  },
};

const products: BenchSubgraph = {
  name: 'products',
  typeDefs: parse(`
    extend type Query { topProducts(first: Int = 5): [Product] }
    type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }
  `),
  resolvers: {
    Query: { topProducts: (_: unknown, args: { first?: number }) => PRODUCTS.slice(0, args.first ?? 5) },
    Product: {
      __resolveReference: (reference: { upc: string }) => PRODUCTS.find((p) => p.upc === reference.upc) ?? null,
    },
  },
};

const firstTwoReviews = REVIEWS.slice(0, 2);
const reviews: BenchSubgraph = {
  name: 'reviews',
  typeDefs: parse(`
    type Review @key(fields: "id") {
      id: ID!
      body: String
      author: User @provides(fields: "username")
      product: Product
    }
    extend type User @key(fields: "id") { id: ID! @external username: String @external reviews: [Review] }
    extend type Product @key(fields: "upc") { upc: String! @external reviews: [Review] }
  `),
  // As in the original: every review's author is user 1 (username provided),
  // and every user's reviews are the first two.
  resolvers: {
    Review: {
      __resolveReference: (reference: { id: string }) => REVIEWS.find((r) => r.id === reference.id) ?? null,
      author: () => ({ id: '1', username: USERS[0]?.username ?? null }),
      product: (review: BenchReview) => ({ upc: review.productUpc }),
    },
    User: {
      __resolveReference: (reference: { id: string }) => reference,
      reviews: () => firstTwoReviews,
    },
    Product: {
      __resolveReference: (reference: Pick<BenchProduct, 'upc'>) => reference,
      reviews: (product: Pick<BenchProduct, 'upc'>) => REVIEWS.filter((r) => r.productUpc === product.upc),
    },
  },
};

export const BENCH_SUBGRAPHS: readonly BenchSubgraph[] = [accounts, inventory, products, reviews];

export interface RunningBenchSubgraphs {
  readonly urls: Readonly<Record<BenchSubgraph['name'], string>>;
  close(): Promise<void>;
}

/** Each subgraph on its own Fastify + Mercurius server, ephemeral loopback port. */
export async function startBenchSubgraphs(): Promise<RunningBenchSubgraphs> {
  const apps = await Promise.all(
    BENCH_SUBGRAPHS.map(async (subgraph) => {
      const app = Fastify({ logger: false });
      await app.register(mercurius, {
        schema: buildSubgraphSchema({ typeDefs: subgraph.typeDefs, resolvers: subgraph.resolvers }),
        graphiql: false,
        // Compiled with graphql-jit after the first request. The reference benchmark's subgraphs are Rust
        // and cost next to nothing; these share a core with autocannon, and interpreted they used 7.7 ms
        // of it per Amparo request in a slow hour, a ceiling under Amparo's own rate (tests/bench/HISTORY.md,
        // the 18:30 gateway run).
        jit: 1,
      });
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      return [subgraph.name, app, `http://127.0.0.1:${port}/graphql`] as const;
    }),
  );
  return {
    urls: Object.fromEntries(apps.map(([name, , url]) => [name, url])) as Record<BenchSubgraph['name'], string>,
    async close() {
      await Promise.all(apps.map(([, app]) => app.close()));
    },
  };
}
