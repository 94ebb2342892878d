import QRCode from 'qrcode';

/** The enrolment QR code (the `otpauth://` URI) as an inline SVG with a text alternative. */
export async function totpQrSvg(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  const label = 'QR-код для приложения-аутентификатора';
  return svg.replace(
    '<svg ',
    `<svg role="img" aria-label="${label}" focusable="false" width="200" height="200" `,
  );
}
