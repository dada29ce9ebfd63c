package jp.madoguchi.forms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jp.madoguchi.forms.Applicant.Delivery;
import jp.madoguchi.forms.Applicant.Hardship;
import jp.madoguchi.forms.Applicant.Party;
import jp.madoguchi.forms.Applicant.Procedure;
import jp.madoguchi.forms.Applicant.Sex;

/**
 * Shared fixtures: one engine per test JVM (fonts are loaded once), applicants, and
 * external tools.
 */
final class TestForms {

	static final Path TEMPLATES = Path.of("templates");
	static final Path OUT = Path.of("target", "forms-test");
	static final LocalDate ISSUE_DATE = LocalDate.of(2026, 11, 21);
	static final MunicipalitySettings TAKAHASHI = new MunicipalitySettings("高梁市", "高梁市長", "市民課", "0866-21-0253",
			"平日 8:30〜17:15");

	private static FormsEngine engine;

	private TestForms() {
	}

	static synchronized FormsEngine engine() {
		if (engine == null) {
			engine = FormsEngine.load(TEMPLATES, FontFiles.debianDefaults());
		}
		return engine;
	}

	static Applicant applicant(String id, String name, String reading, String room) {
		return new Applicant(id, name, reading, LocalDate.of(1948, 5, 3), Sex.FEMALE, "716-0000", "岡山県高梁市松原通２０４３番地",
				"特別養護老人ホーム　高梁やすらぎの里", room, Procedure.NEW_CARD_APPLIED_IN_PERSON, Party.PROXY, "施設　次郎", "施設職員", true,
				true, Delivery.RESTRICTED_POST, false, Set.of(Hardship.FACILITY_RESIDENT), false, "");
	}

	static Applicant withName(Applicant a, String name) {
		return new Applicant(a.id(), name, a.nameReading(), a.birthDate(), a.sex(), a.postalCode(), a.address(),
				a.facility(), a.facilityRoom(), a.procedure(), a.party(), a.proxyName(), a.proxyRelationship(),
				a.wantsFaceAuthCard(), a.wantsStaffRegistration(), a.delivery(), a.writtenByProxy(), a.hardships(),
				a.prefersLargePrint(), a.remarks());
	}

	static Applicant withAddress(Applicant a, String address) {
		return new Applicant(a.id(), a.name(), a.nameReading(), a.birthDate(), a.sex(), a.postalCode(), address,
				a.facility(), a.facilityRoom(), a.procedure(), a.party(), a.proxyName(), a.proxyRelationship(),
				a.wantsFaceAuthCard(), a.wantsStaffRegistration(), a.delivery(), a.writtenByProxy(), a.hardships(),
				a.prefersLargePrint(), a.remarks());
	}

	static Path write(String name, byte[] pdf) throws IOException {
		Files.createDirectories(OUT);
		Path file = OUT.resolve(name);
		Files.write(file, pdf);
		return file;
	}

	/** Runs a command and returns its standard output; fails on a non-zero exit. */
	static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
		byte[] out = process.getInputStream().readAllBytes();
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("timed out: " + String.join(" ", command));
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ": " + err);
		}
		return new String(out, StandardCharsets.UTF_8);
	}

	/**
	 * The text in content-stream order ({@code -raw}). Poppler turns every white-space
	 * glyph, the ideographic space U+3000 included, into an ASCII space: compare with
	 * {@link #spaced}.
	 */
	static String pdftotext(Path pdf) throws IOException, InterruptedException {
		return run("pdftotext", "-raw", "-enc", "UTF-8", pdf.toString(), "-");
	}

	/**
	 * The text as poppler gives it back: U+3000 as an ASCII space, everything else
	 * unchanged.
	 */
	static String spaced(String text) {
		return text.replace('\u3000', ' ');
	}

	static List<String> lines(String text) {
		return new ArrayList<>(text.lines().toList());
	}

}
