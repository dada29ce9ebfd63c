package jp.madoguchi.reader;

/**
 * Every way a command can fail, with its exit code, the outcome written to the log and
 * the one-line message (Japanese for the clerk, English for IT support). Exit codes are
 * part of the documented contract.
 */
enum Fault {

	NOT_LOCKED(1, "4桁の暗証番号のうちロックされていないものがあります", "not every 4-digit PIN is blocked"),
	USAGE(2, "コマンドの指定が正しくありません", "invalid command line"),
	NO_PCSC_SERVICE(3, "PC/SCサービスに接続できません（pcscd / スマートカードサービスを確認してください）",
			"cannot reach the PC/SC service (check pcscd / the Smart Card service and --pcsc-library)"),
	NO_READER(4, "カードリーダーが見つかりません", "no card reader found"), NO_CARD(5, "カードリーダーにカードがありません", "no card in the reader"),
	MULTIPLE_CARDS(6, "複数のリーダーにカードがあります。--reader でリーダーを指定してください",
			"cards are present in several readers; choose one with --reader"),
	NOT_MY_NUMBER_CARD(7, "マイナンバーカードではありません", "the card is not a My Number card"),
	CARD_REMOVED(8, "読み取り中にカードが抜かれました。カードを挿し直してやり直してください",
			"the card was removed during the read; insert it again and retry"),
	TRANSMISSION_ERROR(9, "カードとの通信に失敗しました。カードを挿し直してやり直してください",
			"communication with the card failed; reinsert the card and retry"),
	CARD_MISMATCH(10, "このカードは案件で読み取ったカードと異なります。ロックしません",
			"this card is not the card read for this case; nothing was locked"),
	CASE_CARD_UNKNOWN(11, "この案件のカードがまだ読み取られていません。先に read を実行してください",
			"no card has been read for this case yet; run read first"),
	LOCK_INCOMPLETE(12, "ロックできなかった暗証番号があります", "some 4-digit PINs could not be blocked"),
	LOG_ERROR(13, "操作ログを書き込めません", "cannot write the device log"),
	SHIP_REJECTED(14, "サービスがログを拒否しました（改ざん・欠落の疑い。サービスに記録されました）。管理者に連絡してください",
			"the service rejected the log as tampered (kept as a finding); contact the administrator"),
	SHIP_FAILED(15, "サービスにログを送信できませんでした。後で再実行してください", "could not send the log to the service; run ship again later"),
	SHIP_UNAUTHORIZED(16, "サービスが認証を拒否しました（利用者・パスワード・端末キーを確認してください）",
			"the service refused the credentials (check user, password or workstation key)"),
	LOCAL_LOG_CHANGED(17, "送信済みのログが端末上で変更されています。管理者に連絡してください",
			"log lines already accepted by the service were changed or removed on this workstation"),
	LOG_DAMAGED(18, "この案件の操作ログに読み取れない行があります（破損・改ざんの疑い）。ロック・記録は行っていません。管理者に連絡してください",
			"a device-log line of this case cannot be read (damaged or edited); nothing was locked or recorded; contact the administrator"),
	SHIP_TOO_LARGE(19, "サービスの上限を超える行または項目があり、送信できません。管理者に連絡してください",
			"a log line or value is over the service's limit; contact the administrator"),
	SHIP_BAD_REQUEST(20, "サービスが送信を受け付けませんでした。管理者に連絡してください",
			"the service refused the request; contact the administrator"),
	INTERNAL_ERROR(70, "予期しないエラーが発生しました", "unexpected error");

	final int exitCode;

	final String japanese;

	final String english;

	Fault(int exitCode, String japanese, String english) {
		this.exitCode = exitCode;
		this.japanese = japanese;
		this.english = english;
	}

	/**
	 * The one line shown to the clerk; {@code detail} (may be null) is the technical
	 * cause, in English.
	 */
	String message(String detail) {
		return message(null, detail);
	}

	/**
	 * As {@link #message(String)}, with the detail in Japanese too ({@code null}: none).
	 */
	String message(String japaneseDetail, String detail) {
		return "エラー: " + japanese + (japaneseDetail == null || japaneseDetail.isBlank() ? "" : "：" + japaneseDetail)
				+ " / error: " + english + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
	}

}
