import { pdfSignerName } from './pdf-signer-name';

// Subjects exactly as Node's X509Certificate#subject printed them for certificates made by openssl.
describe('pdfSignerName', () => {
  it('shows CN (O), or one of them when the other is missing or the same', () => {
    expect(pdfSignerName('CN=PT Contoh K3\nO=Lembaga Sertifikasi')).toBe(
      'PT Contoh K3 (Lembaga Sertifikasi)',
    );
    expect(pdfSignerName('CN=K3 LMS\nO=K3 LMS')).toBe('K3 LMS');
    expect(pdfSignerName('C=ID\nO=PT Contoh K3')).toBe('PT Contoh K3');
    expect(pdfSignerName('CN=Budi Santoso\nC=ID')).toBe('Budi Santoso');
  });

  it('unescapes RFC 4514 escapes, hex control characters and multi-valued RDNs', () => {
    expect(
      pdfSignerName(
        'CN=PT Contoh\\, \\"K3\\" Tbk/x\\ \nO=Lembaga Sertifikasi Ñ\nOU=Unit + L=Jakarta',
      ),
    ).toBe('PT Contoh, "K3" Tbk/x (Lembaga Sertifikasi Ñ)');
    expect(pdfSignerName('CN=Baris\\0ADua\\+Tiga\nO=PT Contoh K3')).toBe(
      'Baris Dua+Tiga (PT Contoh K3)',
    );
    expect(pdfSignerName('OU=Unit + CN=Sertifikasi\\\\Pusat\nO=\\#PT')).toBe(
      'Sertifikasi\\Pusat (#PT)',
    );
    expect(pdfSignerName('CN=\\C3\\91u\\C3\\B1ez')).toBe('Ñuñez');
  });

  it('falls back to every value when there is neither CN nor O', () => {
    expect(pdfSignerName('OU=Unit Saja\nemailAddress=a@b.id')).toBe('Unit Saja, a@b.id');
  });

  it('claims no signer when none was recorded', () => {
    expect(pdfSignerName(null)).toBeNull();
    expect(pdfSignerName('')).toBeNull();
    expect(pdfSignerName(' \n ')).toBeNull();
  });
});
