package jp.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jp.madoguchi.forms.Applicant.Delivery;
import jp.madoguchi.forms.Applicant.Hardship;
import jp.madoguchi.forms.Applicant.Party;
import jp.madoguchi.forms.Applicant.Procedure;
import jp.madoguchi.forms.Applicant.Sex;
import jp.madoguchi.forms.internal.pdf.DocumentIds;

/**
 * A roster packet end to end: order, duplex sheets, cover counts, and both QR codes of
 * every page decoded by a second decoder (zbarimg) from a 200 dpi rendering.
 */
class PacketTest {

	private static final Pattern PAYLOAD = Pattern.compile("MDG1:([0-9A-Z]{10}):(\\d+)/(\\d+):([0-9A-Z]{4})");

	private static PacketSummary summary;

	private static byte[] pdf;

	private static List<Applicant> roster;

	@BeforeAll
	static void writePacket() throws Exception {
		roster = List.of(
				person("c", "髙橋　三郎", "タカハシ　サブロウ", "10", Procedure.NEW_CARD_APPLIED_IN_PERSON, Party.PROXY,
						Delivery.RESTRICTED_POST),
				person("a", "辻\uDB40\uDD00　花子", "ツジ　ハナコ", "2", Procedure.SWITCH_TO_FACE_AUTH, Party.PROXY,
						Delivery.PROXY_PICKUP),
				person("b", "相川　一", "アイカワ　ハジメ", "10", Procedure.NEW_CARD_COLLECTED_AT_OFFICE, Party.SELF,
						Delivery.COUNTER));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		summary = TestForms.engine()
			.writePacket(new PacketRequest("特別養護老人ホーム　高梁やすらぎの里", roster, TestForms.TAKAHASHI, TestForms.ISSUE_DATE),
					out);
		pdf = out.toByteArray();
		TestForms.write("packet.pdf", pdf);
	}

	private static Applicant person(String id, String name, String reading, String room, Procedure procedure,
			Party party, Delivery delivery) {
		return new Applicant(id, name, reading, LocalDate.of(1950, 1, 2), Sex.MALE, "716-0000", "岡山県高梁市原田北町",
				"高梁やすらぎの里", room, procedure, party, party == Party.PROXY ? "施設　職員" : null,
				party == Party.PROXY ? "施設職員" : null, true, true, delivery, false, Set.of(Hardship.FACILITY_RESIDENT),
				false, null);
	}

	@Test
	void applicantsAreSortedByRoomThenReadingAndEachSetStartsOnTheFrontOfASheet() throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(summary.pages());
			PDFTextStripper stripper = new PDFTextStripper();
			List<String> order = new ArrayList<>();
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				String text = stripper.getText(document);
				for (Applicant applicant : roster) {
					String id = firstDocumentOf(applicant.id());
					if (text.contains(id) && (order.isEmpty() || !order.getLast().equals(applicant.id()))) {
						order.add(applicant.id());
						assertThat(page % 2).as("first page of " + applicant.id() + " is a front").isEqualTo(1);
					}
				}
			}
			// room 2 before room 10 (natural order), then アイカワ before タカハシ in room 10
			assertThat(order).containsExactly("a", "b", "c");
		}
	}

	private static String firstDocumentOf(String applicantId) {
		return summary.documents()
			.stream()
			.filter(d -> d.applicantId().equals(applicantId))
			.findFirst()
			.orElseThrow()
			.id();
	}

	@Test
	void aPersonWhoseNameCannotBePrintedIsListedOnTheCoverAndLeftOut() throws Exception {
		Applicant good = person("g", "高梁　花子", "タカハシ", "1", Procedure.NEW_CARD_APPLIED_IN_PERSON, Party.SELF,
				Delivery.RESTRICTED_POST);
		Applicant bad = TestForms.withName(person("x", "x", "ヤマダ", "2", Procedure.NEW_CARD_APPLIED_IN_PERSON,
				Party.SELF, Delivery.RESTRICTED_POST), "山田\uD83D\uDE00");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PacketSummary result = TestForms.engine()
			.writePacket(new PacketRequest("テスト", List.of(good, bad), TestForms.TAKAHASHI, TestForms.ISSUE_DATE), out);
		// Each document is refused on its own: the leaflet carries no name and is still
		// printed.
		assertThat(result.documents().stream().filter(d -> d.applicantId().equals("x")).map(DocumentRecord::form))
			.containsExactly(FormId.LEAFLET);
		assertThat(result.documents().stream().filter(d -> d.applicantId().equals("g")).map(DocumentRecord::form))
			.contains(FormId.APPLICATION, FormId.CONSENT, FormId.LEAFLET);
		try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
			assertThat(document.getNumberOfPages()).isEqualTo(result.pages());
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setEndPage(1);
			String cover = stripper.getText(document);
			assertThat(cover).contains("印刷できなかった書類")
				.contains("山田[U+1F600]（x）")
				.contains("applicant.name")
				.contains("印字できない文字 U+1F600");
		}
	}

	@Test
	void theCoverCountsEveryForm() throws Exception {
		String cover;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setEndPage(1);
			cover = stripper.getText(document);
		}
		assertThat(summary.documents()).hasSize(summary.countsPerForm().values().stream().mapToInt(i -> i).sum());
		for (Map.Entry<FormId, Integer> entry : summary.countsPerForm().entrySet()) {
			long recorded = summary.documents().stream().filter(d -> d.form() == entry.getKey()).count();
			assertThat(recorded).isEqualTo(entry.getValue().longValue());
			assertThat(cover).contains("：" + entry.getValue() + " 通");
		}
		assertThat(summary.countsPerForm()).containsEntry(FormId.LEAFLET, 3)
			.containsEntry(FormId.MANDATE_SWITCH, 1)
			.containsEntry(FormId.APPLICATION, 1);
		assertThat(cover).contains("対象者：3 名").contains("総ページ数：" + summary.pages());
	}

	@Test
	void everyPageCarriesTwoDecodableQrCodesAndTheRegionsSayWhere() throws Exception {
		Path dir = TestForms.OUT.resolve("packet-pages");
		Files.createDirectories(dir);
		List<String> documentIds = summary.documents().stream().map(DocumentRecord::id).toList();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFRenderer renderer = new PDFRenderer(document);
			for (int page = 0; page < document.getNumberOfPages(); page++) {
				BufferedImage image = renderer.renderImageWithDPI(page, 200, ImageType.GRAY);
				Path png = dir.resolve("page-" + (page + 1) + ".png");
				ImageIO.write(image, "png", png.toFile());
				List<String> codes = TestForms.lines(TestForms.run("zbarimg", "-q", "--raw", png.toString()));
				assertThat(codes).as("page " + (page + 1)).hasSize(2);
				assertThat(codes.get(0)).isEqualTo(codes.get(1));
				Matcher m = PAYLOAD.matcher(codes.get(0));
				assertThat(m.matches()).as(codes.get(0)).isTrue();
				String id = m.group(1);
				assertThat(id.equals(summary.packetId()) || documentIds.contains(id)).isTrue();
				if (id.equals(summary.packetId())) {
					assertThat(Integer.parseInt(m.group(2))).isEqualTo(page + 1);
					assertThat(Integer.parseInt(m.group(3))).isEqualTo(summary.pages());
				}
				else {
					DocumentRecord record = summary.documents()
						.stream()
						.filter(d -> d.id().equals(id))
						.findFirst()
						.orElseThrow();
					assertThat(m.group(4)).isEqualTo(DocumentIds.integrityCode(id, Integer.parseInt(m.group(2)),
							Integer.parseInt(m.group(3)), record.sha256()));
					assertThat(Integer.parseInt(m.group(3))).isEqualTo(record.pages());
				}
			}
		}
		for (DocumentRecord record : summary.documents()) {
			for (int page = 1; page <= record.pages(); page++) {
				int p = page;
				List<Region> qr = record.regions()
					.stream()
					.filter(r -> r.page() == p && r.kind() == Region.Kind.QR)
					.toList();
				assertThat(qr).hasSize(2);
				// opposite corners, at least 15 mm
				assertThat(qr).allSatisfy(r -> assertThat(r.w()).isGreaterThanOrEqualTo(15 * 72 / 25.4f));
				assertThat(Math.abs(qr.get(0).x() - qr.get(1).x())).isGreaterThan(400);
				assertThat(Math.abs(qr.get(0).y() - qr.get(1).y())).isGreaterThan(600);
			}
		}
		assertThat(summary.documents().stream().filter(d -> d.form() == FormId.CONSENT))
			.allSatisfy(d -> assertThat(d.regions()).anyMatch(r -> r.kind() == Region.Kind.SIGNATURE)
				.anyMatch(r -> r.kind() == Region.Kind.SEAL));
	}

}
