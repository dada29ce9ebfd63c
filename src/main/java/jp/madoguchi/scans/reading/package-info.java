/**
 * Reading one page image, without Spring and without a database: the QR marks on it
 * ({@link jp.madoguchi.scans.reading.MarkReader}), where the form's boxes are on the
 * image ({@link jp.madoguchi.scans.reading.PageGeometry}) and whether a signature or seal
 * box holds more than the unsigned form
 * ({@link jp.madoguchi.scans.reading.SignatureJudge}). Image coordinates are pixels, x to
 * the right and y downwards; form coordinates are PDF points from the page's lower-left
 * corner, as {@link jp.madoguchi.forms.Region} gives them.
 */
@org.springframework.modulith.NamedInterface("reading")
package jp.madoguchi.scans.reading;
