/**
 * Scans: signed paper coming back as scans. Every uploaded file is kept byte for byte;
 * each page is matched to its document by the QR codes the forms printed, pages are
 * grouped and ordered, signature and seal boxes are checked, and what matches nothing
 * waits in a queue for an officer. The cases module learns of a signed document by the
 * {@link jp.madoguchi.scans.SignedDocumentReceived} event.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scans")
package jp.madoguchi.scans;
