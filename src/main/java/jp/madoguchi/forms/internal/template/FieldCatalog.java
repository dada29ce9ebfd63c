package jp.madoguchi.forms.internal.template;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jp.madoguchi.forms.Applicant;
import jp.madoguchi.forms.Applicant.Hardship;
import jp.madoguchi.forms.MunicipalitySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The placeholders ({@code {applicant.name}}) and conditions ({@code applicant.isProxy})
 * a template may use. A template naming anything else is refused when it is loaded.
 */
public final class FieldCatalog {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)}");

	private static final Map<String, Function<FieldValues, String>> VALUES = new LinkedHashMap<>();

	private static final Map<String, Predicate<FieldValues>> CONDITIONS = new LinkedHashMap<>();

	static {
		value("applicant.name", v -> v.applicant().name());
		value("applicant.nameReading", v -> v.applicant().nameReading());
		value("applicant.birthDate",
				v -> v.applicant().birthDate() == null ? "" : EraDates.format(v.applicant().birthDate()));
		value("applicant.sex",
				v -> v.applicant().sex() == null ? "" : v.applicant().sex() == Applicant.Sex.MALE ? "男" : "女");
		value("applicant.postalCode", v -> v.applicant().postalCode());
		value("applicant.address", v -> v.applicant().address());
		value("applicant.facility", v -> v.applicant().facility());
		value("applicant.room", v -> v.applicant().facilityRoom());
		value("applicant.proxyName", v -> v.applicant().proxyName());
		value("applicant.proxyRelationship", v -> v.applicant().proxyRelationship());
		value("applicant.remarks", v -> v.applicant().remarks());
		value("applicant.age", v -> v.applicant().birthDate() == null ? ""
				: Integer.toString(EraDates.legalAge(v.applicant().birthDate(), v.issueDate())));
		value("applicant.delivery", v -> v.applicant().delivery() == null ? "" : switch (v.applicant().delivery()) {
			case COUNTER -> "窓口で交付";
			case RESTRICTED_POST -> "本人限定受取郵便で送付";
			case PROXY_PICKUP -> "代理人に交付";
		});
		value("municipality.name", v -> v.municipality().name());
		value("municipality.mayorTitle", v -> v.municipality().mayorTitle());
		value("municipality.department", v -> v.municipality().department());
		value("municipality.phone", v -> v.municipality().phone());
		value("municipality.hours", v -> v.municipality().hours());
		value("issue.date", v -> EraDates.format(v.issueDate()));
		value("issue.era", v -> EraDates.eraName(v.issueDate()));
		// The outreach timeline of seed 001 第5 1.(2), counted from the intake day.
		value("timeline.invitation", v -> EraDates.format(v.issueDate().minusDays(30)));
		value("timeline.meeting", v -> EraDates.format(v.issueDate().minusDays(20)));
		value("timeline.intake", v -> EraDates.format(v.issueDate()));
		value("timeline.toJlis", v -> EraDates.format(v.issueDate().plusDays(3)));
		value("timeline.card", v -> EraDates.format(v.issueDate().plusDays(17)));
		value("document.id", FieldValues::documentId);

		condition("applicant.isSelf", v -> v.applicant().party() == Applicant.Party.SELF);
		condition("applicant.isProxy", v -> v.applicant().party() == Applicant.Party.PROXY);
		condition("applicant.wantsFaceAuthCard", v -> v.applicant().wantsFaceAuthCard());
		condition("applicant.wantsStaffRegistration", v -> v.applicant().wantsStaffRegistration());
		condition("applicant.writtenByProxy", v -> v.applicant().writtenByProxy());
		condition("applicant.male", v -> v.applicant().sex() == Applicant.Sex.MALE);
		condition("applicant.female", v -> v.applicant().sex() == Applicant.Sex.FEMALE);
		condition("applicant.aged75OrOver", v -> v.applicant().birthDate() != null
				&& EraDates.legalAge(v.applicant().birthDate(), v.issueDate()) >= 75);
		for (Hardship hardship : Hardship.values()) {
			condition("applicant.hardship." + camel(hardship.name()),
					v -> v.applicant().hardships().contains(hardship));
		}
	}

	private FieldCatalog() {
	}

	private static void value(String name, Function<FieldValues, String> extractor) {
		VALUES.put(name, extractor);
	}

	private static void condition(String name, Predicate<FieldValues> predicate) {
		CONDITIONS.put(name, predicate);
	}

	private static String camel(String enumName) {
		String[] parts = enumName.toLowerCase(Locale.ROOT).split("_");
		return parts[0] + Arrays.stream(parts)
			.skip(1)
			.map(p -> Character.toUpperCase(p.charAt(0)) + p.substring(1))
			.collect(Collectors.joining());
	}

	public static Set<String> valueNames() {
		return VALUES.keySet();
	}

	public static boolean hasPlaceholders(String text) {
		return text != null && PLACEHOLDER.matcher(text).find();
	}

	/** The first placeholder name that the catalog does not know, if any. */
	public static Optional<String> unknownPlaceholder(String text) {
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			if (!VALUES.containsKey(m.group(1))) {
				return Optional.of(m.group(1));
			}
		}
		return Optional.empty();
	}

	public static boolean isKnownCondition(String expression) {
		return CONDITIONS.containsKey(stripNegation(expression));
	}

	public static boolean test(String expression, FieldValues values) {
		boolean negated = expression.startsWith("!");
		boolean result = CONDITIONS.get(stripNegation(expression)).test(values);
		return negated != result;
	}

	private static String stripNegation(String expression) {
		return expression.startsWith("!") ? expression.substring(1).trim() : expression.trim();
	}

	/** The placeholder names in a text, in order. */
	public static List<String> placeholders(String text) {
		List<String> names = new ArrayList<>();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

	/** The text with every placeholder replaced; a missing value prints as nothing. */
	public static String fill(String text, FieldValues values) {
		Matcher m = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = VALUES.get(m.group(1)).apply(values);
			m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** The data a preview and the fit check use: long but realistic. */
	public static FieldValues sample() {
		Applicant applicant = new Applicant("sample", "長谷川　葛󠄀城　真理子", "ハセガワ　カツラギ　マリコ", LocalDate.of(1940, 4, 1),
				Applicant.Sex.FEMALE, "716-8501", "岡山県高梁市松原通２０４３番地　高梁市民ケアハウス　本館３階", "特別養護老人ホーム　高梁やすらぎの里", "301",
				Applicant.Procedure.NEW_CARD_APPLIED_IN_PERSON, Applicant.Party.PROXY, "長谷川　一郎", "長男", true, true,
				Applicant.Delivery.PROXY_PICKUP, true, Set.of(Hardship.FACILITY_RESIDENT), false, "車椅子を使用");
		MunicipalitySettings municipality = new MunicipalitySettings("高梁市", "高梁市長", "市民生活部市民課", "0866-21-0253",
				"平日 8:30〜17:15");
		return new FieldValues(applicant, municipality, LocalDate.of(2026, 11, 21), "SAMPLE00000");
	}

}
