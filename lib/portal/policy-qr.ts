import QRCode from 'qrcode';
import { formatEnp, validateEnp } from '@/lib/domain/ru/enp';
import { AppError } from '@/lib/errors';

/**
 * The QR code on «Мой полис», as an inline SVG string.
 *
 * It encodes the ЕНП alone (16 digits). Since 01.12.2022 the polis *is* that machine-readable number
 * (326-ФЗ ст. 45 as amended), and a registrar's scanner types it straight into the clinic lookup; it
 * carries no other personal data, needs no network to be useful, and showing the page writes nothing
 * (a verify link would need an extract row per page view). The PDF extract is what carries a
 * verification link.
 */
export async function policyQrSvg(enp: string): Promise<string> {
  const checked = validateEnp(enp);
  if (!checked.ok) throw new AppError('ENP_INVALID_FORMAT');
  const svg = await QRCode.toString(checked.value, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
  const label = `QR-код полиса ОМС, ЕНП ${formatEnp(checked.value)}`;
  return svg.replace('<svg ', `<svg role="img" aria-label="${label}" focusable="false" `);
}
