package jp.madoguchi.roster;

import org.springframework.http.HttpStatus;

import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.ClientErrorSource;

/**
 * An import failed on the service's side (a database or storage failure, an exception
 * mid-way): nothing of it was kept, and the same file may be uploaded again.
 */
class ImportFailedException extends RuntimeException implements ClientErrorSource {

	ImportFailedException() {
		super("roster import failed", null, false, false);
	}

	@Override
	public ClientError toClientError() {
		return new ClientError(HttpStatus.INTERNAL_SERVER_ERROR, "ROSTER_IMPORT_FAILED");
	}

}
