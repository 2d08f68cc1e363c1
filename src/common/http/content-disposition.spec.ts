import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Sertifikat Zoë "K3".pdf')).toBe(
      `attachment; filename="Sertifikat Zoe _K3_.pdf"; filename*=UTF-8''Sertifikat%20Zo%C3%AB%20%22K3%22.pdf`,
    );
  });

  it('replaces non-Latin characters in the fallback', () => {
    expect(attachmentDisposition('証明書.pdf')).toMatch(/^attachment; filename="___\.pdf"; /);
  });
});
