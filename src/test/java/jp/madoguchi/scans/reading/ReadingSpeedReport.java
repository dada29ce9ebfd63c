package jp.madoguchi.scans.reading;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.pdfbox.rendering.ImageType;
import org.junit.jupiter.api.Test;

import jp.madoguchi.forms.GeneratedDocument;
import jp.madoguchi.forms.Region;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a timed test: prints how long reading takes per page on each path (see the surefire
 * output file). Run with {@code -Dtest=ReadingSpeedReport}.
 */
class ReadingSpeedReport {

	@Test
	void printsMillisecondsPerPage() {
		GeneratedDocument doc = TestScans.consent();
		BufferedImage clean300 = TestScans.render(doc, 1, 300, ImageType.GRAY);
		BufferedImage colour300 = TestScans.render(doc, 1, 300, ImageType.RGB);
		BufferedImage clean200 = TestScans.render(doc, 1, 200, ImageType.GRAY);
		Map<String, BufferedImage> pages = new LinkedHashMap<>();
		pages.put("300 dpi grey, clean", clean300);
		pages.put("300 dpi grey, 180 deg + 2 deg skew, JPEG 50",
				TestScans.jpeg(TestScans.rotate(clean300, 182, Color.WHITE), 0.5f));
		pages.put("300 dpi colour JPEG 50 (3BYTE_BGR), skew -3",
				TestScans.jpeg(TestScans.rotate(colour300, -3, Color.WHITE), 0.5f));
		pages.put("300 dpi turned 90", TestScans.quarter(clean300));
		pages.put("300 dpi dithered, skew 2", TestScans.dither(TestScans.rotate(clean300, 2, Color.WHITE)));
		BufferedImage struck = TestScans.copy(clean300);
		TestScans.strikeThrough(struck, TestScans.regions(doc, 1, Region.Kind.QR).get(0), 300);
		pages.put("300 dpi pen stroke across one code", struck);
		pages.put("200 dpi grey, noise 20", TestScans.noise(clean200, 20, 1));
		pages.put("150 dpi dithered", TestScans.dither(TestScans.render(doc, 1, 150, ImageType.GRAY)));
		BufferedImage blank = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = blank.createGraphics();
		g.setColor(new Color(245, 245, 245));
		g.fillRect(0, 0, 2480, 3508);
		g.dispose();
		pages.put("300 dpi blank back, noise 10", TestScans.noise(blank, 10, 2));
		BufferedImage noCodes = TestScans.copy(clean300);
		Graphics2D w = noCodes.createGraphics();
		w.setColor(Color.WHITE);
		w.fillRect(0, 0, 2480, 400);
		w.fillRect(0, 3108, 2480, 400);
		w.dispose();
		pages.put("300 dpi text page without codes (every fallback)", noCodes);
		MarkReader reader = new MarkReader();
		for (BufferedImage page : pages.values()) {
			reader.read(page);
			reader.read(page);
		}
		StringBuilder report = new StringBuilder("MarkReader ms per page (median of 7):\n");
		for (Map.Entry<String, BufferedImage> e : pages.entrySet()) {
			long[] times = new long[7];
			PageMarks marks = null;
			for (int i = 0; i < times.length; i++) {
				long start = System.nanoTime();
				marks = reader.read(e.getValue());
				times[i] = System.nanoTime() - start;
			}
			Arrays.sort(times);
			report.append(String.format("  %-55s %7.1f ms  marks=%d blank=%s%n", e.getKey(), times[3] / 1e6,
					marks.marks().size(), marks.blank()));
		}
		// the signature judge: both boxes of a signed 300-dpi page, reference at 100 dpi
		BufferedImage signed = TestScans.copy(clean300);
		Region signature = TestScans.regions(doc, 1, Region.Kind.SIGNATURE).get(0);
		Region seal = TestScans.regions(doc, 1, Region.Kind.SEAL).get(0);
		TestScans.scribble(signed, signature, 300, Color.BLACK, 1);
		ReferencePage reference = new ReferencePage(TestScans.render(doc, 1, 100, ImageType.GRAY), 100,
				TestScans.A4_HEIGHT_PT);
		AffineTransform fit = PageGeometry
			.fit(reader.read(signed).marks(), TestScans.regions(doc, 1, Region.Kind.QR), signed.getWidth(),
					signed.getHeight())
			.orElseThrow();
		SignatureJudge judge = new SignatureJudge();
		long[] judged = new long[21];
		for (int i = 0; i < judged.length; i++) {
			long start = System.nanoTime();
			judge.judge(signed, fit, signature, reference);
			judge.judge(signed, fit, seal, reference);
			judged[i] = System.nanoTime() - start;
		}
		Arrays.sort(judged);
		report.append(String.format("SignatureJudge, signature + seal box of a 300-dpi page: %.2f ms (median of 21)%n",
				judged[10] / 1e6));
		System.out.println(report);
		assertThat(report).isNotEmpty();
	}

}
