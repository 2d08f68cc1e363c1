import type { VerificationView } from './verification-view';

export type NikDisplay = 'masked' | 'full' | 'hidden';

/** `3171234567890001` -> `3171********0001`: region code and last digits stay, the rest is hidden. */
export function maskNik(nik: string): string {
  if (nik.length <= 8) return '*'.repeat(nik.length);
  return `${nik.slice(0, 4)}${'*'.repeat(nik.length - 8)}${nik.slice(-4)}`;
}

/**
 * What the public answers (page, JSON, document check) show of the holder's identifier.
 * Only a NIK is personal data under UU PDP here; an employee id is shown as printed.
 */
export function publicLearnerId(
  learnerId: VerificationView['learnerId'],
  display: NikDisplay,
): VerificationView['learnerId'] {
  if (!learnerId || learnerId.kind !== 'nik' || display === 'full') return learnerId;
  if (display === 'hidden') return null;
  return { kind: 'nik', value: maskNik(learnerId.value) };
}
