// The npm registry this project is built against mirrors only the Linux
// builds of packages that ship per-platform binaries (turbo, biome). npm then
// writes a lockfile without the other platforms' optional packages, and
// `npm ci` refuses it. This adds those entries with their os/cpu/libc, so
// npm ci skips them on Linux and fetches them by version elsewhere.
// Run after `npm install` whenever dependencies change: node .ci/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const OS = { windows: 'win32' };
const CPU = { 64: 'x64', 32: 'ia32' };
const platformOf = (name) => {
  const m =
    /[-/](android|darwin|linux|win32|windows|freebsd|openbsd|sunos|aix|netbsd)-(arm64|x64|64|ia32|32|arm|riscv64|ppc64|s390x|loong64|mips64el)(-musl|-gnu|-msvc)?$/.exec(
      name,
    );
  if (!m) return null;
  const os = OS[m[1]] ?? m[1];
  const libc = m[3] === '-musl' ? ['musl'] : os === 'linux' ? ['glibc'] : undefined;
  return { os: [os], cpu: [CPU[m[2]] ?? m[2]], ...(libc ? { libc } : {}) };
};
let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const at = `${key ? `${key}/` : ''}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (lock.packages[at] || lock.packages[hoisted]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    lock.packages[hoisted] = { version, ...(entry.dev ? { dev: true } : {}), optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform entries`);
