import QRCode from "qrcode";

const options = { errorCorrectionLevel: "M" as const, margin: 2 };

// Print-ready QR codes of a deep link: a 1024 px PNG (posters) and a scalable SVG.
export function qrPng(content: string): Promise<Buffer> {
  return QRCode.toBuffer(content, { ...options, type: "png", width: 1024 });
}

export function qrSvg(content: string): Promise<string> {
  return QRCode.toString(content, { ...options, type: "svg" });
}
