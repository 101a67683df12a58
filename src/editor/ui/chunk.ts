// A chunk a component needs (load-chunk.ts), loaded when it mounts and again when `attempt` changes.
import { useEffect, useState } from 'react';

export interface ChunkState<T> {
  module: T | null;
  /** Why the last try failed, with what to do; null while loading and once loaded. */
  error: string | null;
}

export function useChunk<T>(load: () => Promise<T>, attempt = 0): ChunkState<T> {
  const [state, setState] = useState<ChunkState<T>>({ module: null, error: null });
  useEffect(() => {
    let mounted = true;
    load().then(
      (module) => mounted && setState({ module, error: null }),
      (e: Error) => mounted && setState({ module: null, error: e.message }),
    );
    return () => {
      mounted = false;
    };
  }, [load, attempt]);
  return state;
}
