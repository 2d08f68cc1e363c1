import type { CellState } from './compliance-cell';

export type ExportLanguage = 'id' | 'en';

const WORDS: Record<
  ExportLanguage,
  { employeeId: string; nik: string; name: string; email: string; validUntil: string } & Record<
    CellState,
    string
  >
> = {
  id: {
    employeeId: 'ID karyawan',
    nik: 'NIK',
    name: 'Nama',
    email: 'E-mail',
    validUntil: 'berlaku hingga',
    valid: 'Berlaku',
    expiring: 'Segera berakhir',
    expired: 'Kedaluwarsa',
    in_progress: 'Sedang pelatihan',
    overdue: 'Terlambat',
    none: 'Belum ada',
  },
  en: {
    employeeId: 'Employee ID',
    nik: 'NIK',
    name: 'Name',
    email: 'E-mail',
    validUntil: 'valid until',
    valid: 'Valid',
    expiring: 'Expiring',
    expired: 'Expired',
    in_progress: 'In training',
    overdue: 'Overdue',
    none: 'None',
  },
};

export interface ExportedEmployee {
  name: string;
  email: string;
  employeeId: string | null;
  nik: string | null;
  cells: { code: string; state: CellState; validUntil: Date | null }[];
}

/** The export's header: the employee, then per competency code its state and its end date. */
export function matrixExportHeader(codes: readonly string[], lang: ExportLanguage): string[] {
  const w = WORDS[lang];
  return [
    w.employeeId,
    w.nik,
    w.name,
    w.email,
    ...codes.flatMap((code) => [code, `${code} ${w.validUntil}`]),
  ];
}

/** One employee's line in header order; a code the employee has no cell for reads `none`. */
export function matrixExportRow(
  employee: ExportedEmployee,
  codes: readonly string[],
  lang: ExportLanguage,
): (string | null)[] {
  const w = WORDS[lang];
  const byCode = new Map(employee.cells.map((c) => [c.code, c]));
  return [
    employee.employeeId,
    employee.nik,
    employee.name,
    employee.email,
    ...codes.flatMap((code) => {
      const cell = byCode.get(code);
      return [w[cell?.state ?? 'none'], cell?.validUntil?.toISOString().slice(0, 10) ?? null];
    }),
  ];
}
