package jp.madoguchi.forms;

/**
 * Where the wording of a document came from: the built-in template, or a municipality's
 * own installed version.
 */
public enum TemplateOrigin {

	/**
	 * The template folder shipped with the service ({@code templates/<form>/}); the
	 * version is the file's own.
	 */
	DEFAULT("default"),
	/**
	 * A version an ADMIN installed for the municipality; the version is its number (1, 2,
	 * …).
	 */
	MUNICIPALITY("municipality");

	private final String jsonName;

	TemplateOrigin(String jsonName) {
		this.jsonName = jsonName;
	}

	public String jsonName() {
		return jsonName;
	}

	public static TemplateOrigin fromJsonName(String name) {
		for (TemplateOrigin origin : values()) {
			if (origin.jsonName.equals(name)) {
				return origin;
			}
		}
		throw new IllegalArgumentException("unknown template origin: " + name);
	}

}
