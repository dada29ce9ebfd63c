package jp.madoguchi.forms;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.ClientErrorSource;

/**
 * A document could not be generated faithfully, e.g. a character no configured font can
 * draw, or a name too long for its box even at the smallest allowed size. Never replaced
 * by a blank box or a dropped character: the whole document is refused.
 */
public class FormRefusedException extends RuntimeException implements ClientErrorSource {

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

	/**
	 * What the clerk is told: 422 {@code FORM_REFUSED} naming the field, in the
	 * catalogue's Japanese (the exception's own message is a technical English detail for
	 * logs and template checks).
	 */
	@Override
	public ClientError toClientError() {
		DefaultMessageSourceResolvable reason = codePoints == null
				? new DefaultMessageSourceResolvable("FORM_REFUSED_TOO_LONG") : new DefaultMessageSourceResolvable(
						new String[] { "FORM_REFUSED_CHARACTER" }, new Object[] { codePoints });
		// The field's Japanese name (FIELD_LABEL_applicant.name=氏名), else its key.
		DefaultMessageSourceResolvable label = new DefaultMessageSourceResolvable(
				new String[] { "FIELD_LABEL_" + field }, null, String.valueOf(field));
		return ClientError.unprocessable("FORM_REFUSED", label, reason).field(field);
	}

}
