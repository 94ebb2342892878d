import { env } from '@/config/env';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';

/** What an extract says, already worded and formatted for print. */
export interface ExtractContent {
  enp: string;
  fullName: string;
  sex: string;
  birthDate: string;
  insurer: string;
  region: string;
  insuranceDate: string;
  status: string;
  asOf: string;
  code: string;
  verifyUrl: string;
}

export const EXTRACT_TITLE = 'Выписка из единого регистра застрахованных лиц';

const FONT_DIR =
  env().EXTRACT_FONT_DIR ?? path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');
let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | null = null;

/** DejaVu Sans covers Cyrillic; read once per process (the files ship in the `dejavu-fonts-ttf` package). */
function loadFonts(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  fonts ??= Promise.all([
    readFile(path.join(FONT_DIR, 'DejaVuSans.ttf')),
    readFile(path.join(FONT_DIR, 'DejaVuSans-Bold.ttf')),
  ]).then(([regular, bold]) => ({ regular, bold }));
  fonts.catch(() => {
    fonts = null;
  });
  return fonts;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Draws a QR code as filled runs of dark modules (vector: sharp at any print size). */
function drawQr(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const cell = size / (modules.size + quiet * 2);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.data[row * modules.size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.data[row * modules.size + col]) col++;
      page.drawRectangle({
        x: x + (quiet + start) * cell,
        y: y + size - (quiet + row + 1) * cell,
        width: (col - start) * cell,
        height: cell,
        color: rgb(0, 0, 0),
      });
    }
  }
}

/** Renders the extract as a one-page A4 PDF with an embedded Cyrillic font and a verification QR code. */
export async function renderExtractPdf(content: ExtractContent, createdAt: Date): Promise<Uint8Array> {
  const { regular, bold } = await loadFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(regular, { subset: true });
  const fontBold = await doc.embedFont(bold, { subset: true });
  doc.setTitle(EXTRACT_TITLE, { showInWindowTitleBar: true });
  doc.setSubject(`ЕНП ${content.enp}; код проверки ${content.code}`);
  doc.setLanguage('ru-RU');
  doc.setCreator('oms-register');
  doc.setProducer('oms-register');
  doc.setCreationDate(createdAt);
  doc.setModificationDate(createdAt);

  const page = doc.addPage([595.28, 841.89]);
  const margin = 56;
  const width = page.getWidth() - margin * 2;
  let y = page.getHeight() - margin;
  const black = rgb(0, 0, 0);
  const grey = rgb(0.3, 0.3, 0.3);

  const text = (s: string, f: PDFFont, size: number, x: number, w: number, color = black): number => {
    for (const line of wrap(s, f, size, w)) {
      y -= size * 1.35;
      page.drawText(line, { x, y, size, font: f, color });
    }
    return y;
  };

  text(EXTRACT_TITLE, fontBold, 16, margin, width);
  y -= 4;
  text(
    'Сведения о застрахованном лице в сфере обязательного медицинского страхования',
    font,
    10.5,
    margin,
    width,
    grey,
  );
  text(`По состоянию на ${content.asOf} (московское время)`, font, 10.5, margin, width, grey);
  y -= 14;

  const rows: [string, string][] = [
    ['Единый номер полиса (ЕНП)', content.enp],
    ['Фамилия, имя, отчество', content.fullName],
    ['Пол', content.sex],
    ['Дата рождения', content.birthDate],
    ['Страховая медицинская организация', content.insurer],
    ['Субъект Российской Федерации', content.region],
    ['Дата страхования', content.insuranceDate],
    ['Статус полиса', content.status],
  ];
  const labelWidth = 180;
  for (const [label, value] of rows) {
    const top = y;
    text(label, fontBold, 10, margin, labelWidth - 10);
    const afterLabel = y;
    y = top;
    text(value, font, 11, margin + labelWidth, width - labelWidth);
    y = Math.min(y, afterLabel) - 8;
    page.drawLine({
      start: { x: margin, y: y + 3 },
      end: { x: margin + width, y: y + 3 },
      thickness: 0.4,
      color: rgb(0.75, 0.75, 0.75),
    });
  }

  y -= 20;
  const qrSize = 120;
  const qrTop = y;
  drawQr(page, content.verifyUrl, margin, qrTop - qrSize, qrSize);
  const textX = margin + qrSize + 16;
  const textW = width - qrSize - 16;
  y = qrTop + 6;
  text('Код проверки', fontBold, 10, textX, textW);
  text(content.code, font, 12, textX, textW);
  y -= 6;
  text(
    'Подлинность выписки можно проверить, отсканировав QR-код или открыв адрес:',
    font,
    9.5,
    textX,
    textW,
    grey,
  );
  text(content.verifyUrl, font, 9.5, textX, textW);
  y = Math.min(y, qrTop - qrSize) - 20;
  text(
    'Выписка сформирована в электронном виде по данным единого регистра застрахованных лиц. Полис ОМС — это номер (ЕНП); для получения медицинской помощи достаточно предъявить полис или документ, удостоверяющий личность.',
    font,
    9,
    margin,
    width,
    grey,
  );

  return doc.save({ useObjectStreams: true });
}
