import { Box, Input } from '@mantine/core';
import { forwardRef, useId, useImperativeHandle, useRef, useState } from 'react';
import './source-editor.css';

export interface SourceEditorHandle {
  /** Focuses the text and selects the given line (1-based), scrolled into view. */
  showLine: (line: number) => void;
}

/**
 * A plain-text editor with line numbers; `badLines` are marked in the gutter and behind the
 * text. Lines never wrap, so line n of the text is always row n of the gutter.
 */
export const SourceEditor = forwardRef<
  SourceEditorHandle,
  {
    label: string;
    description?: string;
    value: string;
    onChange: (value: string) => void;
    badLines: Set<number>;
    describedBy?: string;
  }
>(function SourceEditor({ label, description, value, onChange, badLines, describedBy }, ref) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const lineCount = Math.max(1, value.split('\n').length);
  const lines = Array.from({ length: lineCount }, (_, i) => i + 1);

  useImperativeHandle(ref, () => ({
    showLine: (line: number) => {
      const el = area.current;
      if (!el) return;
      const starts = [0];
      for (let i = 0; i < value.length; i += 1) if (value[i] === '\n') starts.push(i + 1);
      const start = starts[line - 1] ?? value.length;
      const end = (starts[line] ?? value.length + 1) - 1;
      el.focus();
      el.setSelectionRange(start, Math.max(start, end));
      const lineHeight = 20;
      el.scrollTop = Math.max(0, (line - 1) * lineHeight - el.clientHeight / 2);
    },
  }));

  return (
    <Input.Wrapper label={label} description={description} labelProps={{ htmlFor: id }}>
      <Box className="qb-source" mt={4}>
        <div className="qb-source-gutter" aria-hidden>
          <div style={{ transform: `translateY(${-scroll.top}px)` }}>
            {lines.map((n) => (
              <div
                key={n}
                data-line={n}
                data-bad={badLines.has(n) || undefined}
                className="qb-source-row"
              >
                {badLines.has(n) ? `! ${n}` : n}
              </div>
            ))}
          </div>
        </div>
        <div className="qb-source-body">
          <div className="qb-source-backdrop" aria-hidden>
            <div style={{ transform: `translateY(${-scroll.top}px)` }}>
              {lines.map((n) => (
                <div key={n} className="qb-source-row" data-bad={badLines.has(n) || undefined} />
              ))}
            </div>
          </div>
          <textarea
            id={id}
            ref={area}
            className="qb-source-text"
            value={value}
            wrap="off"
            spellCheck={false}
            aria-describedby={describedBy}
            aria-invalid={badLines.size > 0 || undefined}
            onChange={(e) => onChange(e.currentTarget.value)}
            onScroll={(e) =>
              setScroll({ top: e.currentTarget.scrollTop, left: e.currentTarget.scrollLeft })
            }
          />
        </div>
      </Box>
    </Input.Wrapper>
  );
});
