package jp.madoguchi.roster;

import org.springframework.http.HttpStatus;

import jp.madoguchi.errors.ClientError;

/**
 * A file that cannot be read as a roster at all: nothing is stored. The text for
 * {@link #code()} is in the message catalogue.
 */
class UnreadableRosterException extends ClientError {

	enum Kind {

		/** 400: damaged, empty or in an unknown encoding. */
		UNREADABLE,
		/** 415: a kind of file madoguchi does not take. */
		UNSUPPORTED

	}

	private final Kind kind;

	UnreadableRosterException(Kind kind, String code, Object... args) {
		super(kind == Kind.UNSUPPORTED ? HttpStatus.UNSUPPORTED_MEDIA_TYPE : HttpStatus.BAD_REQUEST, code, args);
		this.kind = kind;
	}

	Kind kind() {
		return kind;
	}

}
