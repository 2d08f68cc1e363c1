import { maskNik, publicLearnerId } from './nik-display';

describe('NIK display on public verification', () => {
  it('masks all but the first and last four digits', () => {
    expect(maskNik('3171234567890001')).toBe('3171********0001');
    expect(maskNik('12345678')).toBe('********');
  });

  it('applies masked, full and hidden to a NIK only', () => {
    const nik = { kind: 'nik' as const, value: '3171234567890001' };
    expect(publicLearnerId(nik, 'masked')).toEqual({ kind: 'nik', value: '3171********0001' });
    expect(publicLearnerId(nik, 'full')).toEqual(nik);
    expect(publicLearnerId(nik, 'hidden')).toBeNull();
    const employee = { kind: 'employee_id' as const, value: 'E-1' };
    expect(publicLearnerId(employee, 'hidden')).toEqual(employee);
    expect(publicLearnerId(null, 'masked')).toBeNull();
  });
});
