import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { create as createQr } from 'qrcode';
import { renderCertificatePdf } from '@app/certificate-pdf';
import { makePng, sampleCertificate, TINY_JPEG } from './testing/fixtures';
import { extractText, pageContent, poppler, readObjects } from './testing/pdf-inspect';

const FONT_FILE = join(__dirname, '..', 'assets', 'fonts', 'DejaVuSans.ttf');
const NAME_120 =
  'Raden Ajeng Siti Nurhaliza Kusumawardhani Prawiranegara Hadiningrat Soerjosoemarno ' +
  'Wirjodiprodjo Tjokroaminoto Mangkuneg';

describe('renderCertificatePdf', () => {
  const pdf = renderCertificatePdf(sampleCertificate());

  describe('file structure', () => {
    it('is a PDF from header to %%EOF', () => {
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    });

    it('has a cross-reference table whose offsets point at each object', () => {
      const objects = readObjects(pdf); // throws on any wrong offset or stream length
      expect(objects.size).toBeGreaterThanOrEqual(15);
      const catalog = [...objects.values()].find((o) => o.dict.includes('/Type /Catalog'));
      const root = /\/Root (\d+) 0 R/.exec(pdf.toString('latin1'))?.[1];
      expect(catalog?.id).toBe(Number(root));
    });

    it('detects a corrupted offset (the xref check can fail)', () => {
      const broken = Buffer.from(pdf);
      const text = broken.toString('latin1');
      const at = text.indexOf('\n2 0 obj') + 1;
      broken.write('9', at, 'latin1');
      expect(() => readObjects(broken)).toThrow(/object 2/);
    });

    it('renders in poppler without warnings and is an A4 landscape page', () => {
      const { err } = poppler('pdftoppm', pdf, ['-png', '-r', '20'], ['page']);
      expect(err).toBe('');
      expect(poppler('pdfinfo', pdf).out).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    });

    it('parses with an independent reader (pdf-lib) as one A4 landscape page', async () => {
      const doc = await PDFDocument.load(pdf, {
        throwOnInvalidObject: true,
        updateMetadata: false,
      });
      expect(doc.getPageCount()).toBe(1);
      expect(doc.getPage(0).getSize()).toEqual({ width: 841.89, height: 595.28 });
      expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-27T03:00:00.000Z');
    });

    it('is deterministic: the same data gives the same bytes', () => {
      expect(renderCertificatePdf(sampleCertificate()).equals(pdf)).toBe(true);
    });
  });

  describe('extractable text', () => {
    const text = extractText(pdf);

    it('shows the Unicode learner name, number, URL and competency', () => {
      expect(text).toContain('Đặng Thị Ngọc Ánh Łukasz Żółć Şükrü');
      expect(text).toContain('K3/AK3U/2026/000123');
      expect(text.replace(/ /g, '')).toContain(
        'https://lms.k3-academy.co.id/verify/7KQ2-M9XD-4TPA',
      );
      expect(text).toContain('AK3U – Ahli Keselamatan dan Kesehatan Kerja Umum');
      expect(text).toContain('NIK / National ID No.: 3201234567890001');
    });

    it('shows the bilingual labels, course titles, JP hours and dates', () => {
      expect(text).toContain('SERTIFIKAT KOMPETENSI');
      expect(text).toContain('CERTIFICATE OF COMPETENCE');
      expect(text).toContain('Diberikan kepada / Awarded to');
      expect(text).toContain('Pembinaan dan Sertifikasi Ahli K3 Umum');
      expect(text).toContain('General Occupational Safety and Health Expert Training');
      expect(text).toContain('96 JP');
      expect(text).toContain('20 Agustus 2026 / 20 August 2026');
      expect(text).toContain('Tanggal terbit / Issued on 27 November 2026');
      expect(text).toContain('Masa berlaku hingga / Valid until 27 November 2029');
      expect(text).toContain('PT Mitra Keselamatan Nusantara');
      expect(text).toContain('Ir. Budi Santoso, M.K3');
      expect(text).toContain('Direktur Pelatihan / Training Director');
    });

    it('prints "Tidak kedaluwarsa / No expiry" without an expiry date', () => {
      const noExpiry = extractText(renderCertificatePdf(sampleCertificate({ expiresAt: null })));
      expect(noExpiry).toContain('Masa berlaku hingga / Valid until Tidak kedaluwarsa / No expiry');
      expect(text).not.toContain('Tidak kedaluwarsa');
    });

    it('prints the employee id label', () => {
      const data = sampleCertificate({
        learnerIdLabel: { kind: 'employee_id', value: 'EMP-00991' },
      });
      const withEmployeeId = extractText(renderCertificatePdf(data));
      expect(withEmployeeId).toContain('No. Pegawai / Employee ID: EMP-00991');
      expect(withEmployeeId).not.toContain('NIK');
      const without = extractText(
        renderCertificatePdf(sampleCertificate({ learnerIdLabel: undefined })),
      );
      expect(without).not.toContain('3201234567890001');
    });

    it('formats dates in the requested time zone (default Asia/Jakarta)', () => {
      const issuedAt = new Date('2026-08-31T20:00:00Z'); // 1 September 03:00 in Jakarta
      const jakarta = extractText(renderCertificatePdf(sampleCertificate({ issuedAt })));
      expect(jakarta).toContain('Tanggal terbit / Issued on 1 September 2026');
      const utc = extractText(
        renderCertificatePdf(sampleCertificate({ issuedAt, timeZone: 'UTC' })),
      );
      expect(utc).toContain('Tanggal terbit / Issued on 31 Agustus 2026 / 31 August 2026');
    });

    it.each([
      ['with spaces', NAME_120],
      ['without spaces', 'Ž'.repeat(60) + 'W'.repeat(60)],
    ])('shows a 120-character name %s in full', (_case, learnerName) => {
      expect([...learnerName]).toHaveLength(120);
      const longText = extractText(renderCertificatePdf(sampleCertificate({ learnerName })));
      // Wrapped lines come out separated by whitespace; words never split mid-way for names
      // with spaces, so compare with all whitespace removed.
      expect(longText.replace(/ /g, '')).toContain(learnerName.replace(/ /g, ''));
    });

    it('keeps text extractable for characters the font lacks', () => {
      const data = sampleCertificate({ learnerName: 'Budi \u4e2d Santoso' });
      expect(extractText(renderCertificatePdf(data))).toContain('Budi \u4e2d Santoso');
    });
  });

  describe('metadata', () => {
    it('has Title, Subject and CreationDate in the Info dictionary', () => {
      const info = poppler('pdfinfo', pdf, ['-enc', 'UTF-8']).out;
      expect(info).toMatch(
        /^Title:\s+SERTIFIKAT KOMPETENSI – Đặng Thị Ngọc Ánh .* – K3\/AK3U\/2026\/000123$/m,
      );
      expect(info).toMatch(/^Subject:\s+.*Pembinaan dan Sertifikasi Ahli K3 Umum$/m);
      expect(info).toMatch(/^CreationDate:\s+.*2026/m);
      expect(pdf.toString('latin1')).toContain('/CreationDate (D:20261127030000Z)');
    });
  });

  describe('size and fonts', () => {
    it('stays under 60 KB, also with a long name and images', () => {
      expect(pdf.length).toBeLessThanOrEqual(60 * 1024);
      const big = renderCertificatePdf(
        sampleCertificate({
          learnerName: NAME_120,
          issuer: {
            ...sampleCertificate().issuer,
            logoImage: TINY_JPEG,
            signatureImage: makePng(120, 40, 6, (x, y) => [0, 0, 80, (x * y) % 256]),
          },
        }),
      );
      expect(big.length).toBeLessThanOrEqual(60 * 1024);
    });

    it('embeds subsets: a short name makes a file far smaller than the font', () => {
      const small = renderCertificatePdf(sampleCertificate({ learnerName: 'Ani' }));
      expect(small.length).toBeLessThan(readFileSync(FONT_FILE).length / 10);
      const fonts = poppler('pdffonts', small).out;
      expect(fonts).toMatch(/^[A-Z]{6}\+DejaVuSans\s+CID TrueType\s+Identity-H\s+yes yes yes/m);
      expect(fonts).toMatch(
        /^[A-Z]{6}\+DejaVuSans-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/m,
      );
    });

    it('puts only the used glyphs in the embedded font programs', () => {
      const objects = [...readObjects(pdf).values()];
      const programs = objects.filter((o) => /\/Length1 \d+/.test(o.dict));
      expect(programs).toHaveLength(2);
      const widths = objects
        .filter((o) => o.dict.includes('/CIDFontType2'))
        .map((o) => /\/W \[0 \[([\d ]+)\]\]/.exec(o.dict)![1].split(' ').length);
      // .notdef + distinct characters of all the text drawn in each font: well under 150.
      for (const count of widths) {
        expect(count).toBeGreaterThan(20);
        expect(count).toBeLessThan(150);
      }
    });
  });

  describe('QR code', () => {
    it('is drawn as vector rectangles that reproduce the QR matrix of verifyUrl', () => {
      const content = pageContent(pdf);
      const block = /q ([\d.]+) 0 0 \1 ([\d.]+) ([\d.]+) cm\n((?:\d+ \d+ \d+ 1 re\n)+)f Q/.exec(
        content,
      );
      expect(block).not.toBeNull();
      // The renderer encodes the URL as a single byte-mode segment.
      const url = Buffer.from(sampleCertificate().verifyUrl, 'utf8');
      const expected = createQr([{ data: url, mode: 'byte' }], {
        errorCorrectionLevel: 'M',
      }).modules;
      const size = expected.size;
      const drawn = new Uint8Array(size * size);
      let rectangles = 0;
      for (const line of block![4].trim().split('\n')) {
        const [col, flippedRow, length] = line.split(' ').map(Number);
        const row = size - 1 - flippedRow;
        for (let c = col; c < col + length; c++) drawn[row * size + c] += 1;
        rectangles += 1;
      }
      expect(Array.from(drawn)).toEqual(Array.from(expected.data, (dark) => (dark ? 1 : 0)));
      expect(rectangles).toBeGreaterThan(size); // runs of modules, not one big box
      expect(Number(block![1]) * size).toBeCloseTo(86, 2); // printed 86 pt wide
    });

    it('uses no image XObject when no signature or logo is given', () => {
      const text = pdf.toString('latin1');
      expect(text).not.toContain('/Subtype /Image');
      expect(text).not.toContain('/XObject');
      expect(poppler('pdfimages', pdf, ['-list']).out.trim().split('\n')).toHaveLength(2);
    });
  });

  describe('images', () => {
    it('embeds a JPEG logo as DCTDecode and an RGBA PNG signature with a soft mask', () => {
      const signature = makePng(90, 30, 6, (x, y) => [20, 30, 110, (x * 7 + y * 3) % 256]);
      const data = sampleCertificate({
        issuer: { ...sampleCertificate().issuer, logoImage: TINY_JPEG, signatureImage: signature },
      });
      const withImages = renderCertificatePdf(data);
      readObjects(withImages);
      const list = poppler('pdfimages', withImages, ['-list']).out;
      expect(list).toMatch(/^\s*1\s+\d+\s+image\s+48\s+20\s+rgb\s+3\s+8\s+jpeg\b/m);
      expect(list).toMatch(/^\s*1\s+\d+\s+image\s+90\s+30\s+rgb\s+3\s+8\s+image\b/m);
      expect(list).toMatch(/^\s*1\s+\d+\s+smask\s+90\s+30\s+gray\s+1\s+8\s+image\b/m);
      expect(pageContent(withImages)).toMatch(/\/Im1 Do[\s\S]*\/Im2 Do/);
      expect(extractText(withImages)).toContain('Đặng Thị Ngọc Ánh');
    });

    it('rejects data that is not PNG or JPEG with a clear error', () => {
      const data = sampleCertificate({
        issuer: { ...sampleCertificate().issuer, logoImage: Buffer.from('GIF89a....') },
      });
      expect(() => renderCertificatePdf(data)).toThrow(
        'issuer.logoImage must be a PNG or JPEG image',
      );
    });
  });

  describe('validation', () => {
    it('rejects an empty learner name and invalid dates', () => {
      expect(() => renderCertificatePdf(sampleCertificate({ learnerName: '  ' }))).toThrow(
        /learnerName/,
      );
      expect(() =>
        renderCertificatePdf(sampleCertificate({ completedAt: new Date('not a date') })),
      ).toThrow(/completedAt is not a valid date/);
      expect(() => renderCertificatePdf(sampleCertificate({ jpHours: -1 }))).toThrow(/jpHours/);
    });
  });
});
