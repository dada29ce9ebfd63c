package jp.madoguchi.roster;

/** The same file is being imported by another request right now. */
class ImportInProgressException extends RuntimeException {

	ImportInProgressException() {
		super("同じファイルを取り込み中です。しばらく待ってから名簿の一覧を確認してください。");
	}

}
