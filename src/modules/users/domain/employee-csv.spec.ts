import { parseEmployeeCsv } from './employee-csv';

describe('parseEmployeeCsv', () => {
  it('parses valid rows with optional nik, BOM and CRLF', () => {
    const csv =
      '\uFEFFname,email,employee_id,nik\r\nBudi Santoso,Budi@Example.com,E-001,3171234567890001\r\nSiti,siti@example.com,E-002,\r\n';
    const { rows, errors } = parseEmployeeCsv(csv);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        name: 'Budi Santoso',
        email: 'budi@example.com',
        employeeId: 'E-001',
        nik: '3171234567890001',
      },
      { line: 3, name: 'Siti', email: 'siti@example.com', employeeId: 'E-002', nik: null },
    ]);
  });

  it('accepts semicolon-separated files and columns in any order', () => {
    const { rows, errors } = parseEmployeeCsv('employee_id;email;name\nX1;a@b.co;Ani Wijaya\n');
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ employeeId: 'X1', email: 'a@b.co', name: 'Ani Wijaya' });
  });

  it('reports every bad row with its line number', () => {
    const csv = [
      'name,email,employee_id,nik',
      'Good Person,good@example.com,E1,',
      'X,not-an-email,E2,123',
      'Dup,good@example.com,E1,',
      'Short,cols@example.com',
    ].join('\n');
    const { errors } = parseEmployeeCsv(csv);
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'INVALID_NAME'],
      [3, 'INVALID_EMAIL'],
      [3, 'INVALID_NIK'],
      [4, 'DUPLICATE_IN_FILE'],
      [4, 'DUPLICATE_IN_FILE'],
      [5, 'COLUMN_COUNT'],
    ]);
  });

  it('reports header problems and malformed quoting', () => {
    expect(parseEmployeeCsv('name,mail\n').errors.map((e) => e.code)).toEqual([
      'MISSING_COLUMN',
      'MISSING_COLUMN',
      'UNKNOWN_COLUMN',
    ]);
    const malformed = parseEmployeeCsv('name,email,employee_id\n"Budi,b@x.co,E1\n');
    expect(malformed.errors[0].code).toBe('CSV_MALFORMED');
    expect(parseEmployeeCsv('').errors[0].code).toBe('CSV_EMPTY');
  });
});
