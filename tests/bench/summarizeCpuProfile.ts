import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where a gateway's CPU time goes, from the .cpuprofile written by
 * `BENCH_PROFILE=<gateway kind> npm run bench` (node --cpu-prof): self time
 * grouped into request phases by the code that spends it, and the top
 * functions. Usage: tsx bench/summarizeCpuProfile.ts [file.cpuprofile]
 */

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

// First match wins; ordered from the most specific.
const PHASES: readonly (readonly [string, RegExp])[] = [
  ['plan (@apollo/query-planner)', /query-planner|federation-internals/],
  ['execute plan / assemble response (@apollo/gateway)', /@apollo\/gateway\//],
  ['validate (graphql/validation)', /graphql\/validation\//],
  ['parse/print (graphql/language)', /graphql\/language\//],
  ['execute (graphql/execution, incl. result shaping)', /graphql\/(execution|type|utilities|jsutils)\//],
  ['@apollo/server request pipeline', /@apollo\/server\/|@apollo\/utils|lru-cache/],
  ['internal token signing (jose / crypto)', /jose\/|node:crypto|internalToken/],
  ['firewall / limits (gateway/src)', /\/gateway\/src\/(firewall|limits)\//],
  ['auth (gateway/src/auth)', /\/gateway\/src\/auth\//],
  ['subgraph fetch (undici)', /undici/],
  ['HTTP front (fastify)', /fastify|find-my-way|light-my-request|avvio/],
  ['other gateway/src', /\/gateway\/src\//],
  ['tsx loader / module init', /tsx|esbuild/],
  ['node internals (net, streams, http)', /^node:/],
];

function phaseOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)' || functionName === '(program)') return `(${functionName.slice(1, -1)})`;
  if (!url && /JSON|stringify|parse/.test(functionName)) return 'JSON (native)';
  if (!url) return 'native / builtins';
  for (const [phase, pattern] of PHASES) if (pattern.test(url)) return phase;
  return 'other';
}

function newestProfile(): string {
  const dir = fileURLToPath(new URL('./results/profiles/', import.meta.url));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!files[0]) throw new Error(`no .cpuprofile in ${dir}`);
  return files[0];
}

const file = process.argv[2] ?? newestProfile();
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMicros = new Map<number, number>();
profile.samples.forEach((id, i) => {
  selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

const phases = new Map<string, number>();
const functions = new Map<string, number>();
let busy = 0;
for (const [id, micros] of selfMicros) {
  const node = byId.get(id);
  if (!node) continue;
  const phase = phaseOf(node);
  phases.set(phase, (phases.get(phase) ?? 0) + micros);
  if (phase === '(idle)' || phase === '(program)') continue;
  busy += micros;
  const where = node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/work\/main\//, '');
  const key = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + micros);
}

console.log(`${file}\nbusy CPU ${(busy / 1e6).toFixed(2)} s\n`);
console.table(
  [...phases]
    .filter(([phase]) => phase !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .map(([phase, micros]) => ({
      phase,
      'self s': (micros / 1e6).toFixed(2),
      '% busy': ((100 * micros) / busy).toFixed(1),
    })),
);
console.table(
  [...functions]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([fn, micros]) => ({ function: fn.slice(0, 110), '% busy': ((100 * micros) / busy).toFixed(1) })),
);
