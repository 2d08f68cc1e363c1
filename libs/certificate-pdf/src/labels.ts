/** Printed wording, Indonesian first then English. */
export const LABELS = {
  title: 'SERTIFIKAT KOMPETENSI',
  subtitle: 'CERTIFICATE OF COMPETENCE',
  number: 'Nomor / No.',
  awardedTo: 'Diberikan kepada / Awarded to',
  nik: 'NIK / National ID No.',
  employeeId: 'No. Pegawai / Employee ID',
  completedTraining:
    'telah berhasil menyelesaikan pelatihan / has successfully completed the training',
  competency: 'Kompetensi / Competency',
  jpHours: 'Jumlah jam pelajaran / Training hours',
  completedOn: 'Tanggal selesai / Completed on',
  issuedOn: 'Tanggal terbit / Issued on',
  validUntil: 'Masa berlaku hingga / Valid until',
  noExpiry: 'Tidak kedaluwarsa / No expiry',
  issuedBy: 'Diterbitkan oleh / Issued by',
  scanToVerify: 'Pindai untuk verifikasi / Scan to verify',
  verificationNote:
    'Keaslian sertifikat ini dapat diperiksa melalui kode QR. / ' +
    'The authenticity of this certificate can be checked via the QR code.',
  documentSubject: 'Sertifikat Kompetensi K3 / K3 Certificate of Competence',
} as const;
