import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { rowXml, xlsxStream } from './xlsx-stream';

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function* batches<T>(...list: T[][]) {
  for (const batch of list) yield batch;
}

describe('xlsxStream', () => {
  it('writes a workbook a spreadsheet reader opens: text, numbers, empty cells, XML specials', async () => {
    const file = await read(
      xlsxStream(
        'Laporan <1>',
        ['name', 'count', 'note'],
        batches(
          [
            ['Budi & "Sari" <K3>', 3, null],
            ['=SUM(A1)', 0, '  spaced  '],
          ],
          [['ctl\u0001char', 12.5, '']],
        ),
      ),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Laporan <1>');
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).values).toEqual([undefined, 'name', 'count', 'note']);
    expect(sheet.getRow(2).getCell(1).value).toBe('Budi & "Sari" <K3>');
    expect(sheet.getRow(2).getCell(2).value).toBe(3);
    expect(sheet.getRow(2).getCell(3).value).toBeNull();
    // Text that looks like a formula stays text.
    expect(sheet.getRow(3).getCell(1).value).toBe('=SUM(A1)');
    expect(sheet.getRow(3).getCell(3).value).toBe('  spaced  ');
    expect(sheet.getRow(4).getCell(1).value).toBe('ctlchar');
    expect(sheet.getRow(4).getCell(2).value).toBe(12.5);
  });

  it('names columns past Z and skips null cells', () => {
    const cells = Array.from({ length: 28 }, (_, i) => (i === 1 ? null : i));
    const xml = rowXml(7, cells);
    expect(xml).toContain('<c r="A7"><v>0</v></c>');
    expect(xml).not.toContain('r="B7"');
    expect(xml).toContain('<c r="Z7"><v>25</v></c>');
    expect(xml).toContain('<c r="AB7"><v>27</v></c>');
  });

  it('fails the stream when the rows fail', async () => {
    async function* broken() {
      yield [['a']];
      throw new Error('database gone');
    }
    await expect(read(xlsxStream('S', ['h'], broken()))).rejects.toThrow('database gone');
  });
});
