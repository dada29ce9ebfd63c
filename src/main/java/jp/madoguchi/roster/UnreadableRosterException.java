package jp.madoguchi.roster;

/** A file that cannot be read as a roster at all: nothing is stored. */
class UnreadableRosterException extends RuntimeException {

	enum Kind {

		/** 400: damaged, empty or in an unknown encoding. */
		UNREADABLE,
		/** 415: a kind of file madoguchi does not take. */
		UNSUPPORTED

	}

	private final Kind kind;

	private final String code;

	UnreadableRosterException(Kind kind, String code, String message) {
		super(message);
		this.kind = kind;
		this.code = code;
	}

	Kind kind() {
		return kind;
	}

	String code() {
		return code;
	}

}
