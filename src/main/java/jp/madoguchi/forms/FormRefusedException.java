package jp.madoguchi.forms;

/**
 * A document could not be generated faithfully, e.g. a character no configured font can
 * draw, or a name too long for its box even at the smallest allowed size. Never replaced
 * by a blank box or a dropped character: the whole document is refused.
 */
public class FormRefusedException extends RuntimeException {

	private final String person;

	private final String field;

	private final String codePoints;

	public FormRefusedException(String person, String field, String message) {
		this(person, field, null, message);
	}

	public FormRefusedException(String person, String field, String codePoints, String message) {
		super(message);
		this.person = person;
		this.field = field;
		this.codePoints = codePoints;
	}

	/**
	 * The undrawable character as {@code U+xxxx} (two for a variation sequence), or null
	 * when the value is too long.
	 */
	public String codePoints() {
		return codePoints;
	}

	/** The person the document was for (name and id). */
	public String person() {
		return person;
	}

	/** The template field, e.g. {@code applicant.name}. */
	public String field() {
		return field;
	}

}
