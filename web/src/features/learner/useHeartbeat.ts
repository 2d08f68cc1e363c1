import { useEffect, useRef } from 'react';

/** How often a heartbeat is sent while the learner is active (the server credits at most 90 s). */
export const HEARTBEAT_SECONDS = 30;

/**
 * Calls `beat` every HEARTBEAT_SECONDS while `active` and the tab is visible; hidden tabs (and
 * paused videos, via `active`) send nothing.
 */
export function useHeartbeat(active: boolean, beat: () => void): void {
  const beatRef = useRef(beat);
  useEffect(() => {
    beatRef.current = beat;
  });
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setInterval> | undefined;
    const run = () => {
      clearInterval(timer);
      timer = undefined;
      if (document.visibilityState === 'visible') {
        timer = setInterval(() => beatRef.current(), HEARTBEAT_SECONDS * 1000);
      }
    };
    run();
    document.addEventListener('visibilitychange', run);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', run);
    };
  }, [active]);
}
