import { useEffect, useRef } from 'react';

/** How often a heartbeat is sent while the learner is active (the server credits at most 90 s). */
export const HEARTBEAT_SECONDS = 30;

/** The part of `document` the heartbeat needs (a fake in unit tests). */
export interface VisibilitySource {
  readonly visibilityState: string;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

/**
 * Calls `beat` every `intervalMs` while the page is visible; nothing while hidden. Returns the
 * function that stops it.
 */
export function startHeartbeat(
  page: VisibilitySource,
  beat: () => void,
  intervalMs = HEARTBEAT_SECONDS * 1000,
): () => void {
  let timer: ReturnType<typeof setInterval> | undefined;
  const sync = () => {
    clearInterval(timer);
    timer = page.visibilityState === 'visible' ? setInterval(beat, intervalMs) : undefined;
  };
  sync();
  page.addEventListener('visibilitychange', sync);
  return () => {
    clearInterval(timer);
    page.removeEventListener('visibilitychange', sync);
  };
}

/**
 * Heartbeats while `active` (for videos: while playing) and the tab is visible; hidden tabs
 * and paused videos send nothing.
 */
export function useHeartbeat(active: boolean, beat: () => void): void {
  const beatRef = useRef(beat);
  useEffect(() => {
    beatRef.current = beat;
  });
  useEffect(() => {
    if (!active) return;
    return startHeartbeat(document, () => beatRef.current());
  }, [active]);
}
