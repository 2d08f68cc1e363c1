/**
 * Certificate PDF rendering throughput: one thread, sequential, 500 distinct certificates
 * (names, numbers, verification URLs, expiry variants), after a warm-up; unsigned, and signed
 * (PAdES B-B) with the default ECDSA P-256 key and with RSA-2048.
 * Target: >= 250 documents/s (<= 4 ms/doc) signed, and <= 60 KB per file. Prints figures only.
 */
import { execFileSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CertificatePdfData,
  createPdfSigner,
  PdfSigner,
  renderCertificatePdf,
  signCertificatePdf,
} from '@app/certificate-pdf';
import { makePng, TINY_JPEG } from '@app/certificate-pdf/testing/fixtures';
import { generateSelfSignedPem } from '../../src/modules/certificates/pdf-signing-key';

const DOCS = 500;
const WARM_UP = 100;
const TARGET = { docsPerSecond: 250, msPerDoc: 4, bytes: 60 * 1024 };

const FIRST = ['Đặng', 'Siti', 'Łukasz', 'Şükrü', 'Ni Luh', 'Muhammad', 'Yohanes', 'Ayu', 'Ketut'];
const MIDDLE = ['Thị Ngọc', 'Nurhaliza', 'Żółć', 'Abdurrahman', 'Putu', 'Wicaksono', 'Kartika'];
const LAST = [
  'Ánh',
  'Prawirodirdjo',
  'Hadikusumo',
  'Situmorang',
  'Sembiring',
  'Wijaya',
  'Nasution',
];
const COURSES = [
  [
    'Pembinaan dan Sertifikasi Ahli K3 Umum',
    'General OSH Expert Training and Certification',
    'AK3U',
  ],
  ['Petugas Peran Kebakaran Kelas D', 'Fire Warden Class D', 'PK-D'],
  ['Operator Pesawat Angkat dan Angkut', 'Lifting and Hauling Equipment Operator', 'OPAA'],
  ['Teknisi K3 Listrik', 'Electrical OSH Technician', 'TK3L'],
] as const;

/** Deterministic pseudo-random numbers (mulberry32) so every run renders the same set. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function certificate(i: number, rnd: () => number, images: boolean): CertificatePdfData {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const [titleId, titleEn, code] = pick(COURSES);
  const longName = i % 25 === 0;
  const name = `${pick(FIRST)} ${pick(MIDDLE)} ${pick(LAST)}`;
  const verifyCode = Math.floor(rnd() * 36 ** 10)
    .toString(36)
    .toUpperCase()
    .padStart(10, '0');
  const issuedAt = new Date(Date.UTC(2026, 0, 1) + Math.floor(rnd() * 365) * 86_400_000);
  return {
    number: `K3/${code}/2026/${String(i).padStart(6, '0')}`,
    learnerName: longName ? `${name} ${name} ${name} ${name}`.slice(0, 120) : name,
    learnerIdLabel:
      i % 3 === 0
        ? { kind: 'employee_id', value: `EMP-${10000 + i}` }
        : { kind: 'nik', value: String(3201000000000000 + i) },
    courseTitle: { id: titleId, en: titleEn },
    competencyCode: code,
    competencyName: i % 2 ? 'Ahli Keselamatan dan Kesehatan Kerja Umum' : undefined,
    jpHours: 16 + (i % 9) * 8,
    completedAt: new Date(issuedAt.getTime() - 7 * 86_400_000),
    issuedAt,
    expiresAt: i % 4 === 0 ? null : new Date(issuedAt.getTime() + 3 * 365 * 86_400_000),
    verifyUrl: `https://lms.k3-academy.co.id/verify/${verifyCode}`,
    issuer: {
      organizationName: 'PT Mitra Keselamatan Nusantara',
      signerName: 'Ir. Budi Santoso, M.K3',
      signerTitle: 'Direktur Pelatihan / Training Director',
      ...(images && { logoImage: LOGO, signatureImage: SIGNATURE }),
    },
  };
}

const LOGO = TINY_JPEG;
const SIGNATURE = makePng(360, 110, 6, (x, y) => {
  const distance = Math.abs(y - (55 + 30 * Math.sin(x / 25)));
  return distance < 3 ? [20, 30, 110, 255] : [0, 0, 0, 0];
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function render(data: CertificatePdfData, signer: PdfSigner | undefined): Buffer {
  if (!signer) return renderCertificatePdf(data);
  return renderCertificatePdf(data, {
    signature: { reservedBytes: signer.reservedBytes, signingTime: data.issuedAt },
  });
}

function run(label: string, images: boolean, signer?: PdfSigner): void {
  const warm = random(1);
  for (let i = 0; i < WARM_UP; i++) {
    const pdf = render(certificate(100_000 + i, warm, images), signer);
    if (signer) signCertificatePdf(pdf, signer);
  }

  const rnd = random(42);
  const inputs = Array.from({ length: DOCS }, (_, i) => certificate(i, rnd, images));
  const times: number[] = [];
  let signingMs = 0;
  let bytes = 0;
  let maxBytes = 0;
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const data of inputs) {
    const t0 = process.hrtime.bigint();
    let pdf = render(data, signer);
    if (signer) {
      const t1 = process.hrtime.bigint();
      pdf = signCertificatePdf(pdf, signer);
      signingMs += Number(process.hrtime.bigint() - t1) / 1e6;
    }
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    bytes += pdf.length;
    maxBytes = Math.max(maxBytes, pdf.length);
  }
  const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  // CPU time is what one core spends; wall time also counts waiting on a busy machine.
  const cpuMsPerDoc = (cpu.user + cpu.system) / 1000 / DOCS;
  times.sort((a, b) => a - b);
  const docsPerSecond = (DOCS / totalMs) * 1000;
  const mark = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');

  console.log(`\n${label}: ${DOCS} distinct certificates, 1 thread, sequential`);
  console.log(
    `  documents/s      ${docsPerSecond.toFixed(0).padStart(8)}   (target >= ${TARGET.docsPerSecond}: ${mark(docsPerSecond >= TARGET.docsPerSecond)})`,
  );
  console.log(
    `  ms/doc p50       ${percentile(times, 50).toFixed(2).padStart(8)}   (target <= ${TARGET.msPerDoc}: ${mark(percentile(times, 50) <= TARGET.msPerDoc)})`,
  );
  console.log(`  ms/doc p99       ${percentile(times, 99).toFixed(2).padStart(8)}`);
  console.log(
    `  CPU ms/doc       ${cpuMsPerDoc.toFixed(2).padStart(8)}   (user+system; ${(1000 / cpuMsPerDoc).toFixed(0)} documents per CPU-second)`,
  );
  if (signer) {
    console.log(
      `  signing ms/doc   ${(signingMs / DOCS).toFixed(3).padStart(8)}   (signCertificatePdf: byte-range hash + CMS + key operation)`,
    );
  }
  console.log(`  bytes/doc mean   ${(bytes / DOCS).toFixed(0).padStart(8)}`);
  console.log(
    `  bytes/doc max    ${String(maxBytes).padStart(8)}   (target <= ${TARGET.bytes}: ${mark(maxBytes <= TARGET.bytes)})`,
  );
}

function signerFromPem(keyPem: string | Buffer, certPem: string | Buffer): PdfSigner {
  return createPdfSigner({
    privateKey: createPrivateKey(keyPem),
    certificates: [new X509Certificate(certPem).raw],
  });
}

async function main(): Promise<void> {
  const baselineRssMb = process.memoryUsage().rss / 1024 / 1024;
  const ecPem = await generateSelfSignedPem('PT Mitra Keselamatan Nusantara');
  const ecdsa = signerFromPem(ecPem, ecPem);
  const dir = mkdtempSync(join(tmpdir(), 'k3-bench-rsa-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-new',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'k.pem'),
        '-out',
        join(dir, 'c.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=PT Mitra Keselamatan Nusantara',
      ],
      { stdio: 'pipe' },
    );
    const rsa = signerFromPem(readFileSync(join(dir, 'k.pem')), readFileSync(join(dir, 'c.pem')));
    run('Unsigned, without images (Unicode font subsets + vector QR)', false);
    run('Signed ECDSA P-256 (default), without images', false, ecdsa);
    run('Signed RSA-2048, without images', false, rsa);
    run('Unsigned, with JPEG logo + RGBA PNG signature', true);
    run('Signed ECDSA P-256, with JPEG logo + RGBA PNG signature', true, ecdsa);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `\nRSS before the first render (node + ts-node + modules)  ${baselineRssMb.toFixed(1)} MB`,
  );
  console.log(`peak RSS (process.resourceUsage().maxRSS)              ${maxRssMb.toFixed(1)} MB`);
}

void main();
