package jp.madoguchi.roster;

import org.springframework.http.HttpStatus;

import jp.madoguchi.errors.ClientError;

/** The same file is being imported by another request right now. */
class ImportInProgressException extends ClientError {

	ImportInProgressException() {
		super(HttpStatus.CONFLICT, "IMPORT_IN_PROGRESS");
	}

}
