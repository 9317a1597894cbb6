import type { DomainRequest } from './closedLoopLoad.js';
import type { DomainSettings } from './domainSettings.js';
import type { DomainFederation } from './startDomainFederation.js';

/** What every workload gets to prepare itself. */
export interface WorkloadContext {
  readonly federation: DomainFederation;
  readonly settings: DomainSettings;
  /** One request to the gateway, outside the measured load. */
  post(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ status: number; text: string }>;
  progress(line: string): void;
}

export interface PreparedWorkload {
  /** What the workload runs over, for the report (row counts, choices). */
  readonly dataset: Readonly<Record<string, number | string>>;
  /** The next request of the load, with its check. */
  next(): DomainRequest;
  /**
   * What the answers since the previous call showed beyond right/wrong (e.g.
   * how many were non-empty), for the report; the runner calls it after the
   * warm-up too, so the report covers the measured run only.
   */
  observed?(): Readonly<Record<string, number | string>>;
}

/** A workload measured under closed-loop load at the bench's concurrency. */
export interface LatencyWorkload {
  readonly name: string;
  readonly description: string;
  /** Issue 10's p95 target (reported, never asserted); null when it names none. */
  readonly targetP95Ms: number | null;
  /** The subgraphs that answer it, whose peak RSS is reported with the gateway's. */
  readonly subgraphs: readonly string[];
  prepare(context: WorkloadContext): Promise<PreparedWorkload>;
}

/** A GraphQL POST body. */
export function operation(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
