import { renderMarkdown } from './render-markdown';

describe('renderMarkdown', () => {
  it('renders markdown and strips scripts, handlers and javascript: links', () => {
    const html = renderMarkdown(
      '# Judul\n\n**APD** wajib <script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src="https://a.b/c.png" onerror="alert(1)">',
    );
    expect(html).toContain('<h1>Judul</h1>');
    expect(html).toContain('<strong>APD</strong>');
    expect(html).not.toMatch(/script|onerror|javascript:/);
    expect(html).toContain('<img src="https://a.b/c.png" />');
  });
  it('opens links safely in a new tab', () => {
    expect(renderMarkdown('[K3](https://k3.id)')).toContain(
      '<a href="https://k3.id" rel="noopener noreferrer" target="_blank">K3</a>',
    );
  });
});
