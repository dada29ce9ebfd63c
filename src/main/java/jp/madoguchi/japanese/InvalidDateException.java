package jp.madoguchi.japanese;

/** A date that cannot be read; the reason tells the clerk what to fix. */
public class InvalidDateException extends IllegalArgumentException {

	public enum Reason {

		EMPTY("日付が空です"), UNRECOGNISED_FORMAT("日付の書式が読み取れません（例: 1948-04-05、昭和23年4月5日、S23.4.5）"), NOT_A_DATE("存在しない日付です"),
		OUTSIDE_ERA("元号の期間外の日付です");

		private final String message;

		Reason(String message) {
			this.message = message;
		}

		public String message() {
			return message;
		}

	}

	private final Reason reason;

	public InvalidDateException(Reason reason) {
		super(reason.name());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
