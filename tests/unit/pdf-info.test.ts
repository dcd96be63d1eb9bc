import { describe, expect, it } from 'vitest';
import { budgetDeskInfo, pdfDate, textString, withDocumentInfo } from '../../src/main/services/export/pdf-info';

/** A one-page PDF with a classic cross-reference table, offsets computed as it is built. */
function tinyPdf(): Uint8Array {
  const objects = ['<</Type /Catalog /Pages 2 0 R>>', '<</Type /Pages /Kids [3 0 R] /Count 1>>', '<</Type /Page /Parent 2 0 R /MediaBox [0 0 10 10]>>', '<</Producer (Skia/PDF)>>'];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(text.length);
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<</Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

describe('PDF document properties', () => {
  it('appends an update that leaves every original byte in place and points the trailer at the new Info', () => {
    const original = tinyPdf();
    const updated = withDocumentInfo(original, budgetDeskInfo('2024年部门预算'), new Date(Date.UTC(2026, 0, 2, 3, 4, 5)));
    expect(Buffer.from(updated.subarray(0, original.byteLength)).equals(Buffer.from(original))).toBe(true);
    const tail = Buffer.from(updated.subarray(original.byteLength)).toString('latin1');
    expect(tail).toContain(`/Title ${textString('2024年部门预算')}`);
    expect(tail).toMatch(/\/Info 5 0 R/);
    expect(tail).toMatch(/\/Prev \d+/);
    expect(tail).toContain('/Root 1 0 R');
    expect(tail).toContain('/ModDate (D:20260102030405Z)');
    expect(tail.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('leaves a file it cannot update safely exactly as it was', () => {
    const streamed = new Uint8Array(Buffer.from('%PDF-1.5\n1 0 obj\n<</Type /XRef>>\nstream\nendstream\nendobj\nstartxref\n9\n%%EOF\n', 'latin1'));
    expect(withDocumentInfo(streamed, budgetDeskInfo('x'))).toBe(streamed);
  });

  it('writes text as UTF-16BE with a byte-order mark and dates in PDF form', () => {
    expect(textString('预算A')).toBe('<FEFF98847B970041>');
    expect(pdfDate(new Date(Date.UTC(2024, 11, 31, 23, 59, 58)))).toBe('(D:20241231235958Z)');
  });
});
