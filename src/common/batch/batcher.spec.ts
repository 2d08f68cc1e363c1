import { Batcher } from './batcher';

const doubled = (items: number[]) => Promise.resolve(items.map((n) => n * 2));

describe('Batcher', () => {
  it('sends calls made in the same turn to one flush, and gives each caller its own result', async () => {
    const flush = jest.fn(doubled);
    const batcher = new Batcher(flush, { maxSize: 10, maxConcurrent: 1 });
    await expect(Promise.all([1, 2, 3].map((n) => batcher.run(n)))).resolves.toEqual([2, 4, 6]);
    expect(flush.mock.calls).toEqual([[[1, 2, 3]]]);
  });

  it('runs a lone call by itself', async () => {
    const flush = jest.fn(doubled);
    const batcher = new Batcher(flush, { maxSize: 10, maxConcurrent: 1 });
    await expect(batcher.run(5)).resolves.toBe(10);
    await expect(batcher.run(6)).resolves.toBe(12);
    expect(flush.mock.calls).toEqual([[[5]], [[6]]]);
  });

  it('collects the calls made while a batch runs into the next one', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const flush = jest.fn(async (items: number[]) => {
      if (items[0] === 1) await gate;
      return items;
    });
    const batcher = new Batcher(flush, { maxSize: 10, maxConcurrent: 1 });
    const first = batcher.run(1);
    await new Promise((r) => setImmediate(r));
    const later = [2, 3, 4].map((n) => batcher.run(n));
    await new Promise((r) => setImmediate(r));
    expect(flush).toHaveBeenCalledTimes(1);
    release();
    await expect(Promise.all([first, ...later])).resolves.toEqual([1, 2, 3, 4]);
    expect(flush.mock.calls).toEqual([[[1]], [[2, 3, 4]]]);
  });

  it('splits at maxSize and runs up to maxConcurrent batches at once', async () => {
    let inFlight = 0;
    let peak = 0;
    const flush = jest.fn(async (items: number[]) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      return items;
    });
    const batcher = new Batcher(flush, { maxSize: 2, maxConcurrent: 2 });
    await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.run(n)));
    expect(flush.mock.calls.map(([items]) => items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(peak).toBe(2);
  });

  it('runs each item alone when a batch fails, so only the bad item is refused', async () => {
    const flush = jest.fn(async (items: number[]) => {
      if (items.includes(13)) throw new Error('unlucky');
      return items.map((n) => n * 2);
    });
    const batcher = new Batcher(flush, { maxSize: 10, maxConcurrent: 1 });
    const results = await Promise.allSettled([12, 13, 14].map((n) => batcher.run(n)));
    expect(results).toEqual([
      { status: 'fulfilled', value: 24 },
      { status: 'rejected', reason: new Error('unlucky') },
      { status: 'fulfilled', value: 28 },
    ]);
    expect(flush.mock.calls.map(([items]) => items)).toEqual([[12, 13, 14], [12], [13], [14]]);
  });

  it('refuses a flush that answers a different number of results', async () => {
    const batcher = new Batcher(async (items: number[]) => items.slice(1), {
      maxSize: 10,
      maxConcurrent: 1,
    });
    await expect(batcher.run(1)).rejects.toThrow('batch flush returned 0 results for 1 items');
  });
  describe('with a linger', () => {
    const lingering = { maxSize: 10, maxConcurrent: 1, lingerBelow: 3, lingerMs: 50 };
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('lets a call with few others waiting wait up to lingerMs, and takes in who comes meanwhile', async () => {
      const flush = jest.fn(doubled);
      const batcher = new Batcher(flush, lingering);
      const first = batcher.run(1);
      await jest.advanceTimersByTimeAsync(20);
      const second = batcher.run(2);
      await jest.advanceTimersByTimeAsync(29);
      expect(flush).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(1);
      await expect(Promise.all([first, second])).resolves.toEqual([2, 4]);
      expect(flush.mock.calls).toEqual([[[1, 2]]]);
    });

    it('runs at once when lingerBelow calls are waiting', async () => {
      const flush = jest.fn(doubled);
      const batcher = new Batcher(flush, lingering);
      const first = batcher.run(1);
      await jest.advanceTimersByTimeAsync(10);
      const rest = [2, 3].map((n) => batcher.run(n));
      await jest.advanceTimersByTimeAsync(0);
      expect(flush.mock.calls).toEqual([[[1, 2, 3]]]);
      await expect(Promise.all([first, ...rest])).resolves.toEqual([2, 4, 6]);
    });
  });
});
