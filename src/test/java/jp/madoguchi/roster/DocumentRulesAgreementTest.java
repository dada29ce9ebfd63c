package jp.madoguchi.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jp.madoguchi.cases.ApplicantType;
import jp.madoguchi.cases.CaseDetail;
import jp.madoguchi.cases.DeliveryMethod;
import jp.madoguchi.cases.ProcedureKind;
import jp.madoguchi.errors.TestMessages;
import jp.madoguchi.forms.Applicant;
import jp.madoguchi.forms.FontFiles;
import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.FormsEngine;
import jp.madoguchi.forms.MunicipalitySettings;
import jp.madoguchi.forms.PacketPlan;
import jp.madoguchi.forms.PacketRequest;
import jp.madoguchi.forms.RequiredForms;
import jp.madoguchi.support.Rosters;

/**
 * Roster validation and the document rule table agree: every row the roster accepts gets
 * a valid, non-empty set of documents that all pass the template checks, and every
 * combination the notice has no workflow for is refused at import with a row error on the
 * column to correct — never accepted and then refused when the packet is printed.
 */
class DocumentRulesAgreementTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

	private static final List<String> YES_NO_BLANK = List.of("はい", "いいえ", "");

	private static final Set<String> COMBINATION_COLUMNS = Set.of("顔認証カード希望", "保険証利用申込代行", "交付方法");

	private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

	private static RowValidator validator;

	private static FormsEngine engine;

	@BeforeAll
	static void setUp() {
		RowValidator.HeaderResult header = RowValidator.forHeader(new RawRow(1, Rosters.HEADER), TODAY,
				TestMessages.catalogue());
		assertThat(header.errors()).isEmpty();
		validator = header.validator();
		engine = FormsEngine.load(Path.of("templates"), FontFiles.debianDefaults());
	}

	@Test
	void everyCombinationIsEitherRefusedAtImportOrGetsAPrintableSet() {
		List<Applicant> accepted = new ArrayList<>();
		Map<String, List<FormId>> expectedForms = new LinkedHashMap<>();
		List<String> refused = new ArrayList<>();
		int number = 2;
		for (ProcedureKind kind : ProcedureKind.values()) {
			for (ApplicantType type : ApplicantType.values()) {
				for (DeliveryMethod delivery : deliveries()) {
					for (String faceAuth : YES_NO_BLANK) {
						for (String staff : YES_NO_BLANK) {
							for (String writtenByOther : YES_NO_BLANK) {
								String key = kind.label() + " " + type.label() + " 交付方法=" + label(delivery) + " 顔認証="
										+ faceAuth + " 代行=" + staff + " 代筆=" + writtenByOther;
								int rowNumber = number;
								RowValidator.Outcome outcome = validator.validate(new RawRow(rowNumber,
										row(kind, type, delivery, faceAuth, staff, writtenByOther)));
								boolean notice = isWorkflowOfTheNotice(kind, type, delivery, faceAuth, staff);
								if (!notice) {
									assertThat(outcome.applicant()).as(key).isNull();
									assertThat(outcome.errors()).as(key).isNotEmpty().allSatisfy(e -> {
										assertThat(e.row()).isEqualTo(rowNumber);
										assertThat(COMBINATION_COLUMNS).as(key).contains(e.column());
										assertThat(JAPANESE.matcher(e.message()).find()).as(e.message()).isTrue();
									});
									refused.add(key);
								}
								else {
									assertThat(outcome.errors()).as(key).isEmpty();
									Applicant applicant = Applicant
										.fromCase(new CaseDetail(number, 1, outcome.applicant(), false));
									RequiredForms.Selection selection = RequiredForms.forApplicant(applicant);
									assertThat(selection.invalidReason()).as(key).isNull();
									assertThat(selection.forms()).as(key).isNotEmpty();
									accepted.add(applicant);
									expectedForms.put(applicant.id(), selection.forms());
								}
								number++;
							}
						}
					}
				}
			}
		}
		assertThat(number - 2).isEqualTo(5 * 2 * 4 * 3 * 3 * 3);
		assertThat(refused).isNotEmpty();
		assertThat(accepted).hasSize(number - 2 - refused.size());

		// Every accepted row's documents pass the template checks: the packet prints them
		// all and refuses none.
		PacketPlan plan = engine.plan(new PacketRequest("あおぞらホーム", accepted, settings(), TODAY));
		assertThat(plan.refusals()).isEmpty();
		assertThat(plan.entries()).hasSize(accepted.size()).allSatisfy(entry -> {
			assertThat(entry.refusals()).isEmpty();
			assertThat(entry.forms()).isNotEmpty().isEqualTo(expectedForms.get(entry.applicant().id()));
		});
	}

	/**
	 * The document set of each workflow of seed 000 as a facility writes its roster row,
	 * the proxy collecting a new card at the counter included.
	 */
	@Test
	void eachSeedWorkflowGetsItsDocuments() {
		Map<String, String> table = new LinkedHashMap<>();
		// seed 000 A (本人): consent → temp PIN → registration with the person present →
		// card + leaflet to the person.
		table.put("新規交付（交付時来庁）|本人|窓口|はい|はい", "pin-request consent leaflet");
		table.put("電子証明書発行・更新|本人||はい|はい", "pin-request consent leaflet");
		// seed 000 A (代理人): consent + mandate → … → card + leaflet to the proxy at the
		// counter; the proxy collecting a new card is 代理交付 (seed 001 第6 2.(4)).
		String proxyAtCounter = "pin-request consent mandate leaflet cannot-visit photo-certificate custody-ledger";
		table.put("新規交付（交付時来庁）|代理人|窓口|はい|はい", proxyAtCounter);
		table.put("新規交付（交付時来庁）|代理人|代理人|はい|はい", proxyAtCounter);
		table.put("新規交付（交付時来庁）|代理人||はい|はい", proxyAtCounter);
		// seed 000 B (本人, 申請時来庁・出張申請受付) and B (代理人): the application with
		// consent (and mandate), card + leaflet by 本人限定受取郵便.
		table.put("出張申請受付|本人|本人限定受取郵便|はい|はい", "application pin-request consent leaflet outreach-sheet");
		table.put("新規交付（申請時来庁）|本人||はい|はい", "application pin-request consent leaflet outreach-sheet");
		table.put("新規交付（申請時来庁）|代理人|本人限定受取郵便|はい|はい", "application pin-request consent mandate leaflet outreach-sheet");
		// seed 000 C (本人 who forgot the PIN; 代理人 with the switch mandate of seed 001
		// 第3 3.(2)②).
		table.put("設定切替|本人|窓口|はい|はい", "consent leaflet");
		table.put("設定切替|本人|||はい", "consent leaflet");
		table.put("設定切替|代理人|窓口|はい|はい", "consent mandate mandate-switch leaflet");
		table.put("設定切替|代理人|代理人|はい|はい", "consent mandate mandate-switch leaflet");
		// No registration by staff: card and leaflet only, registration later at a
		// clinic's card reader (seed 000 (1), seed 001 第2 1.(1)).
		table.put("新規交付（交付時来庁）|本人|窓口|はい|いいえ", "pin-request leaflet");
		table.put("設定切替|本人|窓口|はい|いいえ", "leaflet");
		// An ordinary card (no face-auth wish): only the PIN request.
		table.put("新規交付（交付時来庁）|本人|窓口|いいえ|いいえ", "pin-request");

		Map<String, String> actual = new LinkedHashMap<>();
		int number = 2;
		for (String key : table.keySet()) {
			String[] c = key.split("\\|", -1);
			ProcedureKind kind = ProcedureKind.fromLabel(c[0]).orElseThrow();
			ApplicantType type = ApplicantType.fromLabel(c[1]).orElseThrow();
			DeliveryMethod delivery = c[2].isEmpty() ? null : DeliveryMethod.fromLabel(c[2]).orElseThrow();
			RowValidator.Outcome outcome = validator
				.validate(new RawRow(number, row(kind, type, delivery, c[3], c[4], "はい")));
			assertThat(outcome.errors()).as(key).isEmpty();
			Applicant applicant = Applicant.fromCase(new CaseDetail(number++, 1, outcome.applicant(), false));
			actual.put(key,
					RequiredForms.forApplicant(applicant)
						.forms()
						.stream()
						.map(FormId::id)
						.collect(Collectors.joining(" ")));
		}
		assertThat(actual).containsExactlyEntriesOf(table);
	}

	/** The refusals a clerk reads, one per rule. */
	@Test
	void refusedCombinationsSayWhatToCorrect() {
		assertThat(messageOf(ProcedureKind.NEW_CARD_AT_PICKUP, ApplicantType.SELF, DeliveryMethod.RESTRICTED_POST, "はい",
				"はい"))
			.isEqualTo("交付方法: 手続区分「新規交付（交付時来庁）」のカードは窓口で交付します。交付方法に「本人限定受取郵便」は選べません（郵送は申請時来庁・出張申請受付の場合です）");
		assertThat(messageOf(ProcedureKind.OUTREACH_INTAKE, ApplicantType.PROXY, DeliveryMethod.COUNTER, "はい", "はい"))
			.startsWith("交付方法: 手続区分「出張申請受付」のカードは本人限定受取郵便で送付します。");
		assertThat(messageOf(ProcedureKind.SWITCH_TO_FACE_AUTH, ApplicantType.SELF, DeliveryMethod.PROXY, "はい", "はい"))
			.startsWith("交付方法: 申請者区分が「本人」の場合、カードは本人に交付します。");
		assertThat(messageOf(ProcedureKind.SWITCH_TO_FACE_AUTH, ApplicantType.SELF, null, "いいえ", ""))
			.startsWith("顔認証カード希望: 設定切替は顔認証マイナンバーカードへの切替です。");
		assertThat(messageOf(ProcedureKind.NEW_CARD_AT_APPLICATION, ApplicantType.SELF, null, "", "はい"))
			.startsWith("保険証利用申込代行: 保険証利用申込代行は顔認証マイナンバーカードの場合に限ります。");
	}

	private static String messageOf(ProcedureKind kind, ApplicantType type, DeliveryMethod delivery, String faceAuth,
			String staff) {
		RowValidator.Outcome outcome = validator
			.validate(new RawRow(2, row(kind, type, delivery, faceAuth, staff, "いいえ")));
		assertThat(outcome.errors()).hasSize(1);
		RowError error = outcome.errors().getFirst();
		return error.column() + ": " + error.message();
	}

	/**
	 * The workflows of seed 000 written out independently of RowValidator: 設定切替 is a
	 * switch to a face-auth card (seed 001 第3), staff register only for face-auth cards
	 * (seed 001 第5 1.(2)), B sends the card by 本人限定受取郵便 (seed 000 B (5)), A and C hand it
	 * over at the office to the person or to the proxy who came (seed 000 A/C (5)). 代筆
	 * goes with any of them.
	 */
	private static boolean isWorkflowOfTheNotice(ProcedureKind kind, ApplicantType type, DeliveryMethod delivery,
			String faceAuth, String staff) {
		boolean switching = kind == ProcedureKind.SWITCH_TO_FACE_AUTH;
		boolean byPost = kind == ProcedureKind.NEW_CARD_AT_APPLICATION || kind == ProcedureKind.OUTREACH_INTAKE;
		if (switching && faceAuth.equals("いいえ")) {
			return false;
		}
		if (!switching && staff.equals("はい") && !faceAuth.equals("はい")) {
			return false;
		}
		if (delivery == null) {
			return true;
		}
		if (byPost) {
			return delivery == DeliveryMethod.RESTRICTED_POST;
		}
		return delivery == DeliveryMethod.COUNTER || (delivery == DeliveryMethod.PROXY && type == ApplicantType.PROXY);
	}

	private static List<String> row(ProcedureKind kind, ApplicantType type, DeliveryMethod delivery, String faceAuth,
			String staff, String writtenByOther) {
		boolean proxy = type == ApplicantType.PROXY || delivery == DeliveryMethod.PROXY;
		return List.of("高梁　花子", "タカハシ　ハナコ", "昭和23年4月5日", "女", "716-0001", "岡山県高梁市中原町1-1", "あおぞらホーム", "101",
				kind.label(), type.label(), proxy ? "高橋　一" : "", proxy ? "長男" : "", faceAuth, staff, writtenByOther,
				label(delivery), "");
	}

	private static List<DeliveryMethod> deliveries() {
		List<DeliveryMethod> all = new ArrayList<>(Arrays.asList(DeliveryMethod.values()));
		all.addFirst(null);
		return all;
	}

	private static String label(DeliveryMethod delivery) {
		return delivery == null ? "" : delivery.label();
	}

	private static MunicipalitySettings settings() {
		return new MunicipalitySettings("高梁市", "高梁市長", "市民課", "0866-21-0253", "平日 8:30〜17:15");
	}

}
