// oidc-provider ships its in-memory storage adapter without types; it has no `exports` map, so
// the file can be imported directly. `createMemoryAdapter` gives each provider its own store (the
// default export shares one module-wide store) and states that the emulator keeps its sign-in
// state in memory on purpose (no "quick start adapter" warning).
declare module 'oidc-provider/lib/adapters/memory_adapter.js' {
  import type { AdapterFactory } from 'oidc-provider';
  /** @param clockTolerance seconds stored artifacts outlive their expiry. */
  export function createMemoryAdapter(clockTolerance?: number): AdapterFactory;
}
