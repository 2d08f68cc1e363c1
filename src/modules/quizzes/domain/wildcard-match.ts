/**
 * Short-answer matching as Moodle does it: `*` matches any run of characters (also none),
 * `\*` is a literal asterisk, everything else is literal. Both sides are trimmed and
 * Unicode-normalised. Implemented without regular expressions so that patterns written by
 * instructors can never cause catastrophic backtracking on long learner input.
 */
export function matchesAcceptedAnswer(
  pattern: string,
  response: string,
  caseSensitive: boolean,
): boolean {
  const normalise = (text: string) => {
    const trimmed = text.trim().normalize('NFC');
    return caseSensitive ? trimmed : trimmed.toLowerCase();
  };
  const segments = splitOnWildcards(normalise(pattern));
  const text = normalise(response);
  if (segments.length === 1) {
    return text === segments[0];
  }
  const head = segments[0];
  const tail = segments[segments.length - 1];
  if (text.length < head.length + tail.length || !text.startsWith(head) || !text.endsWith(tail)) {
    return false;
  }
  // Leftmost placement of each middle segment is always optimal for `*`-only patterns.
  let position = head.length;
  const limit = text.length - tail.length;
  for (const segment of segments.slice(1, -1)) {
    const found = text.indexOf(segment, position);
    if (found === -1 || found + segment.length > limit) {
      return false;
    }
    position = found + segment.length;
  }
  return true;
}

/** Literal pieces between unescaped `*`; a pattern without wildcards yields one piece. */
function splitOnWildcards(pattern: string): string[] {
  const segments: string[] = [];
  let current = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\' && pattern[i + 1] === '*') {
      current += '*';
      i++;
    } else if (char === '*') {
      segments.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  segments.push(current);
  return segments;
}
