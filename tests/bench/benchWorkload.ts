/**
 * The workload of The Guild's federation gateway benchmark
 * (graphql-hive/graphql-gateways-benchmark), rebuilt: the same four
 * subgraphs, the same data shape (6 users, 9 products, 11 reviews with
 * bodies of the same lengths) and the same deep query. Texts are our own
 * filler of the original lengths, so response sizes match.
 */

const FILLER =
  'Quien migra lleva consigo una historia y un derecho a ser escuchada con respeto, sin prisa y en su propio idioma. ';

/** Deterministic filler text of exactly `length` characters. */
export function fillerOfLength(length: number): string {
  return FILLER.repeat(Math.ceil(length / FILLER.length)).slice(0, length);
}

export interface BenchUser {
  readonly id: string;
  readonly name: string;
  readonly username: string;
  readonly birthday: number;
}

export interface BenchProduct {
  readonly upc: string;
  readonly name: string;
  readonly price: number;
  readonly weight: number;
  readonly inStock: boolean;
}

export interface BenchReview {
  readonly id: string;
  readonly body: string;
  readonly productUpc: string;
}

export const USERS: readonly BenchUser[] = [
  { id: '1', name: 'Ada Reyes', username: 'adareyes', birthday: 1234567890 },
  { id: '2', name: 'Bea Okafor', username: 'beaokafor', birthday: 1234567890 },
  { id: '3', name: 'Carla Nowak', username: 'carlanowak', birthday: 1234567890 },
  { id: '4', name: 'Dina Haddad', username: 'dinahaddad', birthday: 1234567890 },
  { id: '5', name: 'Eva Lindqvist', username: 'evalindqvist', birthday: 1234567890 },
  { id: '6', name: 'Fatou Diallo', username: 'fatoudiallo', birthday: 1234567890 },
];

export const PRODUCTS: readonly BenchProduct[] = [
  { upc: '1', name: 'Table', price: 899, weight: 100, inStock: true },
  { upc: '2', name: 'Couch', price: 1299, weight: 1000, inStock: false },
  { upc: '3', name: 'Glass', price: 15, weight: 20, inStock: false },
  { upc: '4', name: 'Chair', price: 499, weight: 100, inStock: false },
  { upc: '5', name: 'TV', price: 1299, weight: 1000, inStock: true },
  { upc: '6', name: 'Lamp', price: 6999, weight: 300, inStock: true },
  { upc: '7', name: 'Grill', price: 3999, weight: 2000, inStock: true },
  { upc: '8', name: 'Fridge', price: 100000, weight: 6000, inStock: false },
  { upc: '9', name: 'Sofa', price: 9999, weight: 800, inStock: true },
];

// (body length, product) of the original 11 reviews.
const REVIEW_SHAPES: readonly (readonly [number, string])[] = [
  [445, '1'],
  [297, '1'],
  [279, '1'],
  [143, '1'],
  [445, '2'],
  [297, '2'],
  [279, '2'],
  [143, '2'],
  [143, '3'],
  [143, '4'],
  [903, '4'],
];

export const REVIEWS: readonly BenchReview[] = REVIEW_SHAPES.map(([length, productUpc], index) => ({
  id: String(index + 1),
  body: fillerOfLength(length),
  productUpc,
}));

/** The benchmark's query, as its k6 scenario sends it. */
export const DEEP_QUERY = `fragment User on User { id username name }
fragment Review on Review { id body }
fragment Product on Product { inStock name price shippingEstimate upc weight }
query TestQuery {
  users {
    ...User
    reviews {
      ...Review
      product {
        ...Product
        reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } }
      }
    }
  }
  topProducts {
    ...Product
    reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } }
  }
}`;

/** One subgraph, one field: what the overhead measurement sends. */
export const SMALL_QUERY = '{ me { name } }';
