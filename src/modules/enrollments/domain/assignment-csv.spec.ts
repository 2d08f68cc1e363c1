import { parseAssignmentCsv, parseDueDate } from './assignment-csv';

describe('parseDueDate', () => {
  it('reads a date as the end of that day in WIB, or an ISO date-time', () => {
    expect(parseDueDate('2030-03-31')?.toISOString()).toBe('2030-03-31T16:59:59.000Z');
    expect(parseDueDate('2030-03-31T10:00:00Z')?.toISOString()).toBe('2030-03-31T10:00:00.000Z');
    expect(parseDueDate('31/03/2030')).toBeNull();
    expect(parseDueDate('2030-13-45')).toBeNull();
  });
});

describe('parseAssignmentCsv', () => {
  const fallback = new Date('2030-01-01T00:00:00Z');
  it('parses employee ids with optional per-row due dates', () => {
    const { rows, errors } = parseAssignmentCsv(
      '\uFEFFemployee_id;due_at\nE-1;2030-02-01\nE-2;\n',
      fallback,
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, employeeId: 'E-1', dueAt: new Date('2030-02-01T16:59:59Z') },
      { line: 3, employeeId: 'E-2', dueAt: fallback },
    ]);
  });
  it('reports every bad row with its line', () => {
    const { rows, errors } = parseAssignmentCsv(
      'employee_id,due_at\nE 1,\nE-2,tomorrow\nE-3,\nE-3,\n',
      null,
    );
    expect(rows.map((r) => r.employeeId)).toEqual(['E-3']);
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'INVALID_EMPLOYEE_ID'],
      [3, 'INVALID_DUE_AT'],
      [5, 'DUPLICATE_IN_FILE'],
    ]);
  });
  it('refuses a wrong header and an empty file', () => {
    expect(parseAssignmentCsv('email\nx@y.z\n', null).errors[0].code).toBe('INVALID_HEADER');
    expect(parseAssignmentCsv('employee_id\n', null).errors[0].code).toBe('CSV_EMPTY');
  });
});
