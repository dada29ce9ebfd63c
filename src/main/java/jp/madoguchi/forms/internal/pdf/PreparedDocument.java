package jp.madoguchi.forms.internal.pdf;

import java.util.List;

import jp.madoguchi.forms.internal.template.Element;
import jp.madoguchi.forms.internal.template.FieldValues;
import jp.madoguchi.forms.internal.template.FormTemplate;

/**
 * A document whose every applicant-dependent element has been checked and laid out: once
 * this exists, drawing cannot fail on a character or a size.
 */
record PreparedDocument(FormTemplate template, FieldValues values, List<List<Prepared>> pages) {

	/**
	 * An element to draw on top of the fixed layer; {@code block} is set for texts and
	 * fields.
	 */
	record Prepared(Element element, TextBlock block, boolean conditionHolds) {
	}
}
