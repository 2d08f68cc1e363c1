import { fileSafe } from './file-safe';

describe('fileSafe', () => {
  it('removes path separators and control characters', () => {
    expect(fileSafe('K3/AK3U/2026/000001')).toBe('K3-AK3U-2026-000001');
    expect(fileSafe('a\u0000b')).toBe('a-b');
    expect(fileSafe('  ')).toBe('certificate');
  });
});
