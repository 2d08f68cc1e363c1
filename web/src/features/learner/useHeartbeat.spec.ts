import { startHeartbeat, VisibilitySource } from './useHeartbeat';

class FakePage implements VisibilitySource {
  visibilityState = 'visible';
  private listeners = new Set<() => void>();
  addEventListener(_type: 'visibilitychange', listener: () => void) {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'visibilitychange', listener: () => void) {
    this.listeners.delete(listener);
  }
  set(state: 'visible' | 'hidden') {
    this.visibilityState = state;
    for (const listener of this.listeners) listener();
  }
  get listening() {
    return this.listeners.size;
  }
}

describe('startHeartbeat', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('beats every interval while visible, never while hidden, and stops cleanly', () => {
    const page = new FakePage();
    const beat = jest.fn();
    const stop = startHeartbeat(page, beat, 30_000);
    jest.advanceTimersByTime(61_000);
    expect(beat).toHaveBeenCalledTimes(2);

    page.set('hidden');
    jest.advanceTimersByTime(300_000);
    expect(beat).toHaveBeenCalledTimes(2);

    page.set('visible');
    jest.advanceTimersByTime(29_000);
    expect(beat).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(1_000);
    expect(beat).toHaveBeenCalledTimes(3);

    stop();
    expect(page.listening).toBe(0);
    jest.advanceTimersByTime(300_000);
    expect(beat).toHaveBeenCalledTimes(3);
  });

  it('does not start while the page is hidden', () => {
    const page = new FakePage();
    page.visibilityState = 'hidden';
    const beat = jest.fn();
    const stop = startHeartbeat(page, beat, 30_000);
    jest.advanceTimersByTime(120_000);
    expect(beat).not.toHaveBeenCalled();
    stop();
  });
});
