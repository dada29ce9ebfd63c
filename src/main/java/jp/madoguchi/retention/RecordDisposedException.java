package jp.madoguchi.retention;

/**
 * The content asked for was disposed of: answered 410 with its {@link Tombstone}. The
 * message is the record type only (no personal data).
 */
public class RecordDisposedException extends RuntimeException {

	private final transient Tombstone tombstone;

	public RecordDisposedException(Tombstone tombstone) {
		super(tombstone.recordType(), null, false, false);
		this.tombstone = tombstone;
	}

	public Tombstone tombstone() {
		return tombstone;
	}

}
