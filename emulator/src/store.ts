import type { EventSourceMappingConfiguration, FunctionConfiguration } from './domain/model.ts';

/**
 * A function as the emulator keeps it: the `$LATEST` configuration, its published versions and
 * its aliases (alias name → version).
 */
export interface FunctionRecord {
  /** `$LATEST` configuration; `FunctionArn` is the unqualified ARN. */
  latest: FunctionConfiguration;
  /** Published versions by version number (`"1"`, `"2"`…), `FunctionArn` qualified. */
  versions: Map<string, FunctionConfiguration>;
  /** Alias name → version number (or `$LATEST`). */
  aliases: Map<string, string>;
}

/** An event source mapping and its bookkeeping. */
export interface MappingRecord {
  /** Creation order; list order and pagination markers rely on it (stable, never reused). */
  seq: number;
  /** The configuration exactly as returned on the wire. */
  config: EventSourceMappingConfiguration;
  /** Desired `Enabled` flag: the stable state a pending transition settles in. */
  enabled: boolean;
}

/** Functions and mappings of one account in one region. */
export class RegionState {
  /** Functions by name. */
  readonly functions = new Map<string, FunctionRecord>();
  /** Mappings by UUID, in creation order (Map keeps insertion order). */
  readonly mappings = new Map<string, MappingRecord>();
  private seq = 0;

  /** @returns the next creation sequence number (1, 2, …). */
  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }
}

/**
 * In-memory state of the emulated account, partitioned by region like AWS (the region comes
 * from each request's SigV4 credential scope).
 */
export class Store {
  private readonly regions = new Map<string, RegionState>();

  /** @param accountId 12-digit account id used in every ARN. */
  constructor(readonly accountId: string) {}

  /**
   * @param region e.g. `us-east-1`.
   * @returns the region's state, created empty on first use.
   */
  region(region: string): RegionState {
    let state = this.regions.get(region);
    if (!state) {
      state = new RegionState();
      this.regions.set(region, state);
    }
    return state;
  }

  /**
   * @param region e.g. `us-east-1`.
   * @returns the region's state if it was ever used, without creating it.
   */
  peek(region: string): RegionState | undefined {
    return this.regions.get(region);
  }
}
