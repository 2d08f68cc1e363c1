export interface SourceLine {
  text: string;
  line: number;
}

export interface GiftBlock {
  comments: SourceLine[];
  content: SourceLine[];
}

/** Questions are separated by blank lines; whole-line `//` comments belong to their block. */
export function splitIntoBlocks(normalisedInput: string): GiftBlock[] {
  const blocks: GiftBlock[] = [];
  let current: GiftBlock = { comments: [], content: [] };
  const flush = () => {
    if (current.comments.length > 0 || current.content.length > 0) {
      blocks.push(current);
    }
    current = { comments: [], content: [] };
  };
  normalisedInput.split('\n').forEach((text, index) => {
    const trimmed = text.trim();
    if (trimmed === '') {
      flush();
    } else if (trimmed.startsWith('//')) {
      current.comments.push({ text: trimmed, line: index + 1 });
    } else {
      current.content.push({ text, line: index + 1 });
    }
  });
  flush();
  return blocks;
}

/** Moodle exports tags as `// [tag:APD] [tag:K3\]x]` comment tokens; `\\` is a backslash. */
export function readTagsFromComments(comments: SourceLine[]): string[] {
  const tags: string[] = [];
  for (const comment of comments) {
    const text = comment.text;
    let start = text.indexOf('[tag:');
    while (start !== -1) {
      let value = '';
      let index = start + 5;
      let closed = false;
      while (index < text.length) {
        const char = text[index];
        if (char === '\\' && (text[index + 1] === ']' || text[index + 1] === '\\')) {
          value += text[index + 1];
          index += 2;
        } else if (char === ']') {
          closed = true;
          break;
        } else {
          value += char;
          index++;
        }
      }
      if (!closed) {
        break;
      }
      if (value.trim() !== '') {
        tags.push(value.trim());
      }
      start = text.indexOf('[tag:', index + 1);
    }
  }
  return tags;
}
