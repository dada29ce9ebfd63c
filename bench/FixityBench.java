import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import jp.madoguchi.storage.ContentStore;
import jp.madoguchi.storage.FileState;

/**
 * The fixity check's reading and hashing (ContentStore.verify, the code POST /api/fixity-checks runs) over FILES
 * synthetic files of SIZE bytes in a content store of its own.
 *   seed <data-dir> <files> <size>      stores the files (random content), writes their names to <data-dir>/names.txt
 *   verify <data-dir> <threads> <runs>  re-hashes every file, RUNS times; prints each run's MB/s, checks all INTACT
 */
public class FixityBench {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        ContentStore store = ContentStore.open(dir);
        switch (args[0]) {
            case "seed" -> {
                int files = Integer.parseInt(args[2]);
                int size = Integer.parseInt(args[3]);
                SplittableRandom random = new SplittableRandom(42);
                List<String> names = new ArrayList<>(files);
                byte[] content = new byte[size];
                for (int i = 0; i < files; i++) {
                    for (int b = 0; b < size; b += 8) {
                        long r = random.nextLong();
                        for (int k = 0; k < 8 && b + k < size; k++) {
                            content[b + k] = (byte) (r >>> (8 * k));
                        }
                    }
                    names.add(store.keep(store.stage(new ByteArrayInputStream(content))));
                }
                Files.write(dir.resolve("names.txt"), names);
                System.out.printf("seeded %d files of %d bytes%n", files, size);
            }
            case "verify" -> {
                int threads = Integer.parseInt(args[2]);
                int runs = Integer.parseInt(args[3]);
                List<String> names = Files.readAllLines(dir.resolve("names.txt"));
                long bytes = 0;
                for (String n : names) {
                    bytes += Files.size(store.find(n).orElseThrow());
                }
                double[] rates = new double[runs];
                for (int r = 0; r < runs; r++) {
                    long t0 = System.nanoTime();
                    Map<String, FileState> states = store.verify(names, threads);
                    double secs = (System.nanoTime() - t0) / 1e9;
                    long intact = states.values().stream().filter(s -> s == FileState.INTACT).count();
                    if (intact != names.size()) {
                        throw new IllegalStateException(intact + " of " + names.size() + " intact");
                    }
                    rates[r] = bytes / 1e6 / secs;
                    System.out.printf("run %d: %d files, %.0f MB in %.3f s = %.0f MB/s%n", r + 1, names.size(), bytes / 1e6,
                            secs, rates[r]);
                }
                Arrays.sort(rates);
                System.out.printf("median %.0f MB/s (%d threads)%n", rates[runs / 2], threads);
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

}
