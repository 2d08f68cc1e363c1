export interface BatcherOptions {
  /** Items per batch at most. */
  maxSize: number;
  /** Batches running at once at most; calls made meanwhile wait and go together. */
  maxConcurrent: number;
  /**
   * With fewer than `lingerBelow` calls waiting, the first of them waits up to `lingerMs` for
   * company before its batch runs (default: no lingering).
   */
  lingerBelow?: number;
  lingerMs?: number;
}

/** One batch at a time, of at most 100. */
const GROUP_COMMIT: BatcherOptions = { maxSize: 100, maxConcurrent: 1 };

/**
 * The same, and a call with fewer than 4 others waiting waits up to 50 ms for company: what the
 * render and e-mail workers use, where one-row batches would cost a commit per certificate or
 * mail whenever the workers keep up with the work.
 */
export const LINGERING_GROUP_COMMIT: BatcherOptions = {
  ...GROUP_COMMIT,
  lingerBelow: 4,
  lingerMs: 50,
};

interface Waiting<In, Out> {
  item: In;
  since: number;
  resolve: (out: Out) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for concurrent callers: `run(item)` calls made in the same turn of the event
 * loop, or while earlier batches are running, go to `flush` together. Under light load a call
 * runs alone and at once; under heavy load one statement serves many. `flush` returns one
 * result per item, in order. A failed batch of several items runs each item alone, so one bad
 * item fails only its own call.
 */
export class Batcher<In, Out> {
  private waiting: Waiting<In, Out>[] = [];
  private running = 0;
  private drainScheduled = false;
  private lingerTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly flush: (items: In[]) => Promise<Out[]>,
    private readonly options: BatcherOptions = GROUP_COMMIT,
  ) {}

  run(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.waiting.push({ item, since: Date.now(), resolve, reject });
      this.scheduleDrain();
    });
  }

  private scheduleDrain(): void {
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    setImmediate(() => {
      this.drainScheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.running < this.options.maxConcurrent && this.waiting.length > 0) {
      const lingerLeft = this.lingerLeft();
      if (lingerLeft > 0) {
        this.lingerTimer ??= setTimeout(() => {
          this.lingerTimer = null;
          this.drain();
        }, lingerLeft);
        return;
      }
      const batch = this.waiting.splice(0, this.options.maxSize);
      this.running += 1;
      void this.execute(batch).finally(() => {
        this.running -= 1;
        this.drain();
      });
    }
  }

  /** How much longer the first waiting call may wait for company; 0 = run now. */
  private lingerLeft(): number {
    const { lingerBelow = 0, lingerMs = 0 } = this.options;
    if (this.waiting.length >= lingerBelow) return 0;
    return Math.max(0, this.waiting[0].since + lingerMs - Date.now());
  }

  private async execute(batch: Waiting<In, Out>[]): Promise<void> {
    try {
      const results = await this.flushChecked(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(results[i]));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      for (const waiting of batch) await this.execute([waiting]);
    }
  }

  private async flushChecked(items: In[]): Promise<Out[]> {
    const results = await this.flush(items);
    if (results.length !== items.length) {
      throw new Error(`batch flush returned ${results.length} results for ${items.length} items`);
    }
    return results;
  }
}
