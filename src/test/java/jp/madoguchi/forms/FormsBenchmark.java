package jp.madoguchi.forms;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.madoguchi.forms.Applicant.Delivery;
import jp.madoguchi.forms.Applicant.Hardship;
import jp.madoguchi.forms.Applicant.Party;
import jp.madoguchi.forms.Applicant.Procedure;
import jp.madoguchi.forms.Applicant.Sex;

/**
 * Benchmark harness (not a test): a packet of 1,000 applicants × 4 documents, the same
 * packet drawn naively (every page from scratch, no form XObjects), and single documents
 * per second. Run through {@code bench/forms-packet.sh}; prints the median of several
 * runs.
 */
public final class FormsBenchmark {

	private static final String[] FAMILY = { "高橋", "髙橋", "山﨑", "葛\uDB40\uDD00城", "辻\uDB40\uDD00", "\uD842\uDFB7田", "佐藤",
			"鈴木", "田中", "渡辺" };

	private static final String[] GIVEN = { "一郎", "花子", "三郎", "美代子", "清", "トメ", "正", "ハル" };

	public static void main(String[] args) throws Exception {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
		int applicants = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
		FormsEngine engine = FormsEngine.load(Path.of("templates"), FontFiles.debianDefaults());
		PacketRequest packet = new PacketRequest("ベンチマーク施設", roster(applicants),
				new MunicipalitySettings("高梁市", "高梁市長", "市民課", "0866-21-0253", "平日 8:30〜17:15"),
				LocalDate.of(2026, 11, 21));

		// warm-up: JIT, template layouts; two full packets of each kind
		for (int i = 0; i < 4; i++) {
			engine.writePacket(packet, OutputStream.nullOutputStream(), i % 2 == 0);
		}

		double[] reuse = new double[runs];
		double[] naive = new double[runs];
		long bytesReuse = 0;
		long bytesNaive = 0;
		int pages = 0;
		resetPeaks();
		for (int run = 0; run < runs; run++) {
			CountingStream out = new CountingStream();
			long start = System.nanoTime();
			PacketSummary summary = engine.writePacket(packet, out, true);
			reuse[run] = (System.nanoTime() - start) / 1e9;
			bytesReuse = out.count;
			pages = summary.pages();

			CountingStream naiveOut = new CountingStream();
			start = System.nanoTime();
			engine.writePacket(packet, naiveOut, false);
			naive[run] = (System.nanoTime() - start) / 1e9;
			bytesNaive = naiveOut.count;
		}
		long peakHeap = peakHeap();
		System.gc();
		long liveAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

		int documents = 400;
		double[] single = new double[runs];
		double[] parallel = new double[runs];
		Applicant walkIn = packet.applicants().get(3);
		for (int i = 0; i < 2000; i++) {
			engine.generate(FormId.values()[i % 4], walkIn, packet.municipality(), packet.issueDate());
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		for (int run = 0; run < runs; run++) {
			long start = System.nanoTime();
			for (int i = 0; i < documents; i++) {
				engine.generate(FormId.values()[i % 4], walkIn, packet.municipality(), packet.issueDate());
			}
			single[run] = documents / ((System.nanoTime() - start) / 1e9);

			start = System.nanoTime();
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < documents; i++) {
				FormId form = FormId.values()[i % 4];
				futures
					.add(pool.submit(() -> engine.generate(form, walkIn, packet.municipality(), packet.issueDate())));
			}
			for (Future<?> f : futures) {
				f.get();
			}
			parallel[run] = documents / ((System.nanoTime() - start) / 1e9);
		}
		pool.shutdown();

		System.out.printf(Locale.ROOT, "packet: %d applicants, %d pages, %d runs, max heap %d MB%n", applicants, pages,
				runs, Runtime.getRuntime().maxMemory() / (1024 * 1024));
		System.out.printf(Locale.ROOT, "  reused fixed layer (form XObject): median %.3f s  runs %s  size %.2f MB%n",
				median(reuse), fmt(reuse), bytesReuse / 1e6);
		System.out.printf(Locale.ROOT, "  naive (every page from scratch):   median %.3f s  runs %s  size %.2f MB%n",
				median(naive), fmt(naive), bytesNaive / 1e6);
		System.out.printf(Locale.ROOT, "  naive / reused time ratio: %.2f   size ratio: %.2f%n",
				median(naive) / median(reuse), (double) bytesNaive / bytesReuse);
		System.out.printf(Locale.ROOT, "  peak heap used (garbage included): %.0f MB; live after the runs: %.0f MB%n",
				peakHeap / 1e6, liveAfterGc / 1e6);
		System.out.printf(Locale.ROOT,
				"single documents (%d per run): 1 thread median %.0f docs/s %s; 2 threads median %.0f docs/s %s%n",
				documents, median(single), fmt(single), median(parallel), fmt(parallel));
	}

	static List<Applicant> roster(int count) {
		List<Applicant> roster = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String name = FAMILY[i % FAMILY.length] + "　" + GIVEN[(i / FAMILY.length) % GIVEN.length];
			// B, 本人, face-auth, no staff registration, post: application, PIN request,
			// leaflet, outreach sheet
			roster.add(new Applicant("bench-" + i, name, "ベンチ" + i, LocalDate.of(1930 + i % 60, 1 + i % 12, 1 + i % 28),
					i % 2 == 0 ? Sex.FEMALE : Sex.MALE, "716-0000", "岡山県高梁市松原通" + (i + 1) + "番地", "ベンチマーク施設",
					Integer.toString(100 + i % 300), Procedure.NEW_CARD_APPLIED_IN_PERSON, Party.SELF, null, null, true,
					false, Delivery.RESTRICTED_POST, false, Set.of(Hardship.FACILITY_RESIDENT), false, null));
		}
		return roster;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
				: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	}

	private static String fmt(double[] values) {
		return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.3f", v)).toList().toString();
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
	}

	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.mapToLong(p -> p.getPeakUsage().getUsed())
			.sum();
	}

	/** Counts the bytes of the streamed packet and throws them away. */
	private static final class CountingStream extends OutputStream {

		long count;

		@Override
		public void write(int b) {
			count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			count += len;
		}

	}

}
