package jp.madoguchi.forms;

import java.util.EnumMap;
import java.util.Map;

import jp.madoguchi.forms.internal.template.FormTemplate;

/**
 * The templates one municipality prints with: the built-in default for every form, except
 * where it installed its own version. Immutable; obtained from {@link FormsEngine}.
 */
public final class TemplateSet {

	private final Map<FormId, FormTemplate> templates;

	TemplateSet(Map<FormId, FormTemplate> templates) {
		this.templates = new EnumMap<>(templates);
		for (FormId form : FormId.values()) {
			if (!this.templates.containsKey(form)) {
				throw new IllegalArgumentException("no template for " + form.id());
			}
		}
	}

	FormTemplate get(FormId form) {
		return templates.get(form);
	}

	/** The form's title as printed, e.g. for lists in the UI. */
	public String title(FormId form) {
		return templates.get(form).title();
	}

	/**
	 * The version recorded on documents: the built-in file's own, or the installed
	 * version's number.
	 */
	public String version(FormId form) {
		return templates.get(form).version();
	}

	public String sha256(FormId form) {
		return templates.get(form).sha256();
	}

	public TemplateOrigin origin(FormId form) {
		return templates.get(form).origin();
	}

}
