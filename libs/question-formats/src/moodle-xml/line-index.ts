/** Maps character offsets to 1-based line numbers. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    let index = text.indexOf('\n');
    while (index !== -1) {
      this.lineStarts.push(index + 1);
      index = text.indexOf('\n', index + 1);
    }
  }

  lineOf(offset: number | undefined, fallback = 1): number {
    if (offset === undefined || !Number.isFinite(offset) || offset < 0) {
      return fallback;
    }
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.lineStarts[middle] <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low + 1;
  }
}
