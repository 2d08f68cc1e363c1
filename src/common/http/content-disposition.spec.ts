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

describe('attachmentDisposition with surrogates', () => {
  it('gives one fallback character per code point and never throws on a lone surrogate', () => {
    expect(attachmentDisposition('👷.pdf')).toMatch(
      /^attachment; filename="_\.pdf"; filename\*=UTF-8''%F0%9F%91%B7\.pdf$/,
    );
    expect(attachmentDisposition('a\uD800.pdf')).toContain("filename*=UTF-8''a%EF%BF%BD.pdf");
  });
});
