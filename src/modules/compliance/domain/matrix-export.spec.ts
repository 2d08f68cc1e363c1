import { matrixExportHeader, matrixExportRow } from './matrix-export';

describe('matrix export lines', () => {
  const employee = {
    name: 'Ani',
    email: 'ani@example.test',
    employeeId: 'E-1',
    nik: null,
    cells: [
      { code: 'B', state: 'expiring' as const, validUntil: new Date('2027-01-31T10:00:00Z') },
    ],
  };

  it('names the columns in the requested language, two per competency', () => {
    expect(matrixExportHeader(['A', 'B'], 'en')).toEqual([
      'Employee ID',
      'NIK',
      'Name',
      'E-mail',
      'A',
      'A valid until',
      'B',
      'B valid until',
    ]);
    expect(matrixExportHeader(['A'], 'id')).toEqual([
      'ID karyawan',
      'NIK',
      'Nama',
      'E-mail',
      'A',
      'A berlaku hingga',
    ]);
  });

  it('writes states as words in header order; a missing cell is none', () => {
    expect(matrixExportRow(employee, ['A', 'B'], 'id')).toEqual([
      'E-1',
      null,
      'Ani',
      'ani@example.test',
      'Belum ada',
      null,
      'Segera berakhir',
      '2027-01-31',
    ]);
    expect(matrixExportRow(employee, ['B'], 'en').slice(4)).toEqual(['Expiring', '2027-01-31']);
  });
});
