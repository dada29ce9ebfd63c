package jp.madoguchi.forms;

/** A template file that cannot be used: the message names the file and the line. */
public class TemplateRejectedException extends RuntimeException {

	public TemplateRejectedException(String message) {
		super(message);
	}

	public TemplateRejectedException(String message, Throwable cause) {
		super(message, cause);
	}

}
