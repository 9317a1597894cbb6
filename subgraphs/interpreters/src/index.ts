export { interpretersSubgraph } from './definition.js';
export {
  importRegistry,
  type ImportOptions,
  type ImportResult,
} from './registryImport/importRegistry.js';
export { REGISTRY_COLUMNS, type RegistryRecord, type RowError } from './registryImport/parseRegistryRow.js';
