/**
 * Forms: pre-filled, print-ready PDF documents for the face-authentication My Number card
 * workflows (consent form, mandates, leaflet, application sheets, facility sheets) and
 * duplex-ready packets for a whole roster.
 *
 * <p>
 * The public API is this package only: the input records
 * ({@link jp.madoguchi.forms.Applicant},
 * {@link jp.madoguchi.forms.MunicipalitySettings}), the
 * {@link jp.madoguchi.forms.FormsEngine} facade, the rule table
 * {@link jp.madoguchi.forms.RequiredForms}, the result records, and
 * {@link jp.madoguchi.forms.ReportDocument} for other modules' printed reports. Templates
 * are data (folders under {@code templates/}); everything under {@code internal}
 * (template loading, font chain, text layout, QR codes, PDF/A writing) is private to the
 * module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Forms")
package jp.madoguchi.forms;
