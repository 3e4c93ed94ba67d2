// Printing in the contract.
//
// print.document reads the library and returns the print job (the HTML and what printing it
// needs). print.pdf prints a job: slow work with no library in it, so it is a two-phase handler
// whose preparation (outside the transaction, awaited by transports' invokeAsync) does the
// printing, and whose commit only hands the PDF over. Which printer it uses is a parameter: core's
// default is headless Chromium (CLI, browser-mode host); the desktop app swaps in its hidden
// window with printPdfHandler(printer) when it creates its dispatcher (src/main/print-window.ts).
import { AssayError } from '../../shared/errors';
import type { PrintedPdf } from '../../shared/print';
import type { DomainHandlers, TwoPhaseHandler } from '../dispatch/handler-types';
import { buildPrintDocument } from './print-document';
import type { PdfPrinter } from './print-page';
import { chromiumPrinter, printJobToPdf } from './print-pdf';

export function printPdfHandler(printer: PdfPrinter): TwoPhaseHandler<'print.pdf', PrintedPdf> {
  return {
    async prepare(job) {
      const { pdfBase64, pageCount, annotationCount } = await printJobToPdf(job, printer);
      return { pdfBase64, pageCount, annotationCount };
    },
    prepareSync() {
      throw new AssayError('invalid_input', 'print.pdf prints in the background: call it asynchronously (invokeAsync or callAsync).');
    },
    commit(_job, printed) {
      return printed;
    }
  };
}

export const printHandlers: DomainHandlers<'print.document' | 'print.pdf'> = {
  'print.document': (input, { library }) => buildPrintDocument(library, { ...input, options: input.options }),
  'print.pdf': printPdfHandler(chromiumPrinter)
};
