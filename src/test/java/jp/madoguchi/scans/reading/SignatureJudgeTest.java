package jp.madoguchi.scans.reading;

import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.pdfbox.rendering.ImageType;
import org.junit.jupiter.api.Test;

import jp.madoguchi.forms.GeneratedDocument;
import jp.madoguchi.forms.Region;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureJudgeTest {

	private static final GeneratedDocument DOC = TestScans.consent();

	private static final Region SIGNATURE = TestScans.regions(DOC, 1, Region.Kind.SIGNATURE).get(0);

	private static final Region SEAL = TestScans.regions(DOC, 1, Region.Kind.SEAL).get(0);

	private static final ReferencePage UNSIGNED = new ReferencePage(TestScans.render(DOC, 1, 100, ImageType.GRAY), 100,
			TestScans.A4_HEIGHT_PT);

	private final MarkReader reader = new MarkReader();

	private final SignatureJudge judge = new SignatureJudge();

	enum Filling {

		NOTHING, PEN, RED_SEAL, BLACK_SEAL

	}

	record Scan(String name, UnaryOperator<BufferedImage> degrade, ImageType type) {
	}

	private static List<Scan> scans() {
		return List.of(new Scan("grey clean", i -> i, ImageType.GRAY),
				new Scan("grey skew 3, JPEG 50", i -> TestScans.jpeg(TestScans.rotate(i, 3, Color.WHITE), 0.5f),
						ImageType.GRAY),
				new Scan("upside down, skew 1.5, noise",
						i -> TestScans.noise(TestScans.rotate(i, 181.5, Color.WHITE), 15, 3), ImageType.GRAY),
				new Scan("colour JPEG 50, skew -2", i -> TestScans.jpeg(TestScans.rotate(i, -2, Color.WHITE), 0.5f),
						ImageType.RGB),
				new Scan("black and white", i -> TestScans.blackAndWhite(TestScans.rotate(i, 1, Color.WHITE)),
						ImageType.GRAY),
				new Scan("dithered, skew -1", i -> TestScans.dither(TestScans.rotate(i, -1, Color.WHITE)),
						ImageType.GRAY));
	}

	private record Outcome(String what, Region.Kind kind, boolean filled, BoxJudgement judgement) {
	}

	private List<Outcome> run(float dpi) {
		List<Outcome> outcomes = new ArrayList<>();
		for (Scan scan : scans()) {
			for (Filling filling : Filling.values()) {
				BufferedImage page = TestScans.render(DOC, 1, dpi, scan.type());
				boolean signatureFilled = filling == Filling.PEN;
				boolean sealFilled = filling == Filling.RED_SEAL || filling == Filling.BLACK_SEAL;
				if (filling == Filling.PEN) {
					TestScans.scribble(page, SIGNATURE, dpi, new Color(20, 30, 120), (long) dpi);
				}
				if (sealFilled) {
					TestScans.seal(page, SEAL, dpi, filling == Filling.RED_SEAL ? new Color(210, 40, 40) : Color.BLACK);
				}
				BufferedImage scanned = scan.degrade().apply(page);
				PageMarks marks = this.reader.read(scanned);
				AffineTransform fit = PageGeometry
					.fit(marks.marks(), TestScans.regions(DOC, 1, Region.Kind.QR), scanned.getWidth(),
							scanned.getHeight())
					.orElseThrow();
				String what = dpi + " dpi " + scan.name() + " / " + filling;
				outcomes.add(new Outcome(what, Region.Kind.SIGNATURE, signatureFilled,
						this.judge.judge(scanned, fit, SIGNATURE, UNSIGNED)));
				outcomes.add(new Outcome(what, Region.Kind.SEAL, sealFilled,
						this.judge.judge(scanned, fit, SEAL, UNSIGNED)));
			}
		}
		StringBuilder report = new StringBuilder();
		for (Outcome o : outcomes) {
			report.append(String.format("%-60s %-9s filled=%-5s %-8s %.4f%n", o.what(), o.kind(), o.filled(),
					o.judgement().verdict(), o.judgement().score()));
		}
		System.out.println(report);
		return outcomes;
	}

	private void assertRight(float dpi) {
		for (Outcome o : run(dpi)) {
			if (o.filled()) {
				assertThat(o.judgement().verdict()).as("%s %s", o.what(), o.kind()).isEqualTo(Verdict.SIGNED);
			}
			else {
				assertThat(o.judgement().verdict()).as("%s %s", o.what(), o.kind()).isEqualTo(Verdict.UNSIGNED);
			}
		}
	}

	@Test
	void judgesSignaturesAndSealsAt300Dpi() {
		assertRight(300);
	}

	@Test
	void judgesSignaturesAndSealsAt200Dpi() {
		assertRight(200);
	}

	@Test
	void oneReadableCodeIsEnoughToJudge() {
		for (float dpi : new float[] { 200, 300 }) {
			for (Region struck : TestScans.regions(DOC, 1, Region.Kind.QR)) {
				for (boolean signed : new boolean[] { false, true }) {
					BufferedImage page = TestScans.render(DOC, 1, dpi, ImageType.GRAY);
					TestScans.strikeThrough(page, struck, dpi);
					if (signed) {
						TestScans.scribble(page, SIGNATURE, dpi, Color.BLACK, 11);
						TestScans.seal(page, SEAL, dpi, Color.DARK_GRAY);
					}
					BufferedImage scanned = TestScans.jpeg(TestScans.rotate(page, 180.8, Color.WHITE), 0.6f);
					PageMarks marks = this.reader.read(scanned);
					assertThat(marks.marks()).hasSize(1);
					AffineTransform fit = PageGeometry
						.fit(marks.marks(), TestScans.regions(DOC, 1, Region.Kind.QR), scanned.getWidth(),
								scanned.getHeight())
						.orElseThrow();
					Verdict expected = signed ? Verdict.SIGNED : Verdict.UNSIGNED;
					assertThat(this.judge.judge(scanned, fit, SIGNATURE, UNSIGNED).verdict()).isEqualTo(expected);
					assertThat(this.judge.judge(scanned, fit, SEAL, UNSIGNED).verdict()).isEqualTo(expected);
				}
			}
		}
	}

	@Test
	void neverCallsAnUnsignedBoxSignedAt150Dpi() {
		for (Outcome o : run(150)) {
			if (!o.filled()) {
				assertThat(o.judgement().verdict()).as("%s %s", o.what(), o.kind()).isNotEqualTo(Verdict.SIGNED);
			}
		}
	}

}
