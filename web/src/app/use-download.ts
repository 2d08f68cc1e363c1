import { useCallback, useRef, useState } from 'react';
import { downloadWithProgress, type DownloadProgress } from './api';

export interface DownloadState {
  /** Which download runs (the caller's key, e.g. "csv"), or null when none. */
  running: string | null;
  progress: DownloadProgress | null;
  error: unknown;
}

/**
 * One download at a time, with its bytes as they arrive (for a progress line next to the
 * buttons). A finished download keeps its last byte count on screen until the next one.
 */
export function useDownload() {
  const [state, setState] = useState<DownloadState>({ running: null, progress: null, error: null });
  const busy = useRef(false);
  const start = useCallback(async (key: string, path: string, fallbackName: string) => {
    if (busy.current) return;
    busy.current = true;
    setState({ running: key, progress: { received: 0, total: null }, error: null });
    try {
      await downloadWithProgress(path, fallbackName, (progress) =>
        setState((s) => ({ ...s, progress })),
      );
      setState((s) => ({ ...s, running: null }));
    } catch (error) {
      setState((s) => ({ ...s, running: null, error }));
    } finally {
      busy.current = false;
    }
  }, []);
  return { ...state, start };
}
