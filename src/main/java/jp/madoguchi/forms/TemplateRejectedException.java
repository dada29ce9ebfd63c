package jp.madoguchi.forms;

import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.ClientErrorSource;

/** A template file that cannot be used: the message names the file and the line. */
public class TemplateRejectedException extends RuntimeException implements ClientErrorSource {

	public TemplateRejectedException(String message) {
		super(message);
	}

	public TemplateRejectedException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * 422 {@code TEMPLATE_REJECTED}: the catalogue's text followed by the file's lines
	 * and what is wrong on each, which the administrator needs to correct the file.
	 */
	@Override
	public ClientError toClientError() {
		return ClientError.unprocessable("TEMPLATE_REJECTED", getMessage());
	}

}
