/** Characters that a backslash turns into literal text. `>` is our extension so `-\>` is not `->`. */
const ESCAPABLE = '\\~=#{}:>n';

/** Shared by a decoded block and all of its slices. */
interface Origin {
  /** Absolute positions of characters that came from an escape sequence. */
  escaped: Set<number>;
  /** Absolute position where each source line starts, ascending, and that line's number. */
  lineStarts: number[];
  lineNumbers: number[];
}

/**
 * GIFT text after escape decoding. Each character knows whether it came from an escape
 * sequence (so it can never be syntax) and which source line it was read from. Slices
 * share their block's origin and only move an offset.
 */
export class MarkedText {
  private constructor(
    readonly text: string,
    private readonly origin: Origin,
    private readonly offset: number,
  ) {}

  static decode(sourceLines: { text: string; line: number }[]): MarkedText {
    const origin: Origin = { escaped: new Set(), lineStarts: [], lineNumbers: [] };
    const parts: string[] = [];
    let length = 0;
    sourceLines.forEach((source, lineIndex) => {
      if (lineIndex > 0) {
        parts.push('\n');
        length++;
      }
      origin.lineStarts.push(length);
      origin.lineNumbers.push(source.line);
      const raw = source.text;
      let plainStart = 0;
      let backslash = raw.indexOf('\\');
      while (backslash !== -1 && backslash < raw.length - 1) {
        const next = raw[backslash + 1];
        if (ESCAPABLE.includes(next)) {
          parts.push(raw.slice(plainStart, backslash), next === 'n' ? '\n' : next);
          length += backslash - plainStart;
          origin.escaped.add(length);
          length++;
          plainStart = backslash + 2;
          backslash = raw.indexOf('\\', plainStart);
        } else {
          backslash = raw.indexOf('\\', backslash + 1);
        }
      }
      parts.push(raw.slice(plainStart));
      length += raw.length - plainStart;
    });
    return new MarkedText(parts.join(''), origin, 0);
  }

  static plain(text: string, line: number): MarkedText {
    return new MarkedText(text, { escaped: new Set(), lineStarts: [0], lineNumbers: [line] }, 0);
  }

  get length(): number {
    return this.text.length;
  }

  /** First position at or after `from` where `token` appears with none of its characters escaped. */
  indexOfSyntax(token: string, from = 0): number {
    let index = this.text.indexOf(token, from);
    while (index !== -1) {
      if (this.isUnescapedRun(index, token.length)) {
        return index;
      }
      index = this.text.indexOf(token, index + 1);
    }
    return -1;
  }

  lastIndexOfSyntax(token: string): number {
    let index = this.text.lastIndexOf(token);
    while (index !== -1) {
      if (this.isUnescapedRun(index, token.length)) {
        return index;
      }
      index = index === 0 ? -1 : this.text.lastIndexOf(token, index - 1);
    }
    return -1;
  }

  startsWithSyntax(token: string): boolean {
    return this.text.startsWith(token) && this.isUnescapedRun(0, token.length);
  }

  lineAt(index: number, fallback: number): number {
    const { lineStarts, lineNumbers } = this.origin;
    if (this.text.length === 0 || lineStarts.length === 0) {
      return fallback;
    }
    const position = this.offset + Math.min(Math.max(index, 0), this.text.length - 1);
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (lineStarts[middle] <= position) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return lineNumbers[low];
  }

  /** Line of the first non-whitespace character. */
  firstLine(fallback: number): number {
    const start = this.text.length - this.text.trimStart().length;
    return start < this.text.length ? this.lineAt(start, fallback) : fallback;
  }

  slice(start: number, end = this.text.length): MarkedText {
    const from = Math.min(Math.max(start, 0), this.text.length);
    const to = Math.min(Math.max(end, from), this.text.length);
    return new MarkedText(this.text.slice(from, to), this.origin, this.offset + from);
  }

  trim(): MarkedText {
    const start = this.text.length - this.text.trimStart().length;
    const end = this.text.trimEnd().length;
    return start >= end ? this.slice(0, 0) : this.slice(start, end);
  }

  /** Joins two texts into a new block; only used to insert the missing-word marker. */
  concat(other: MarkedText): MarkedText {
    const origin: Origin = { escaped: new Set(), lineStarts: [], lineNumbers: [] };
    [this, other].forEach((part, partIndex) => {
      const shift = partIndex === 0 ? 0 : this.text.length;
      for (let i = 0; i < part.text.length; i++) {
        if (part.isEscaped(i)) {
          origin.escaped.add(shift + i);
        }
        const line = part.lineAt(i, 1);
        if (origin.lineNumbers[origin.lineNumbers.length - 1] !== line || i === 0) {
          origin.lineStarts.push(shift + i);
          origin.lineNumbers.push(line);
        }
      }
    });
    return new MarkedText(this.text + other.text, origin, 0);
  }

  /** Splits before every unescaped occurrence of one of `separators` (single characters). */
  splitBefore(separators: string): MarkedText[] {
    const parts: MarkedText[] = [];
    let start = 0;
    for (let i = 0; i < this.text.length; i++) {
      if (separators.includes(this.text[i]) && !this.isEscaped(i)) {
        parts.push(this.slice(start, i));
        start = i;
      }
    }
    parts.push(this.slice(start));
    return parts;
  }

  private isEscaped(index: number): boolean {
    return this.origin.escaped.size > 0 && this.origin.escaped.has(this.offset + index);
  }

  private isUnescapedRun(start: number, length: number): boolean {
    if (this.origin.escaped.size === 0) {
      return true;
    }
    for (let i = start; i < start + length; i++) {
      if (this.isEscaped(i)) {
        return false;
      }
    }
    return true;
  }
}
