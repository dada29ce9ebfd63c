import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;

import jp.madoguchi.storage.ContentStore;
import jp.madoguchi.storage.FileState;

/**
 * The fixity check's reading and hashing (ContentStore.verify, the code POST /api/fixity-checks runs) over FILES
 * synthetic files of SIZE bytes in a content store of its own.
 *   seed <data-dir> <files> <size>      stores the files (random content), writes their names to <data-dir>/names.txt
 *   verify <data-dir> <threads> <runs>  re-hashes every file, RUNS times; prints each run's MB/s, checks all INTACT
 *   rosters <data-dir>                  a completed roster of the first municipality for each file, in the service's
 *                                       H2 database there (the fixity job's records), the service stopped
 *   runs <data-dir>                     each fixity job run's files, MB/s between its start and end, and mismatches
 */
public class FixityBench {

    private static Connection h2(Path dir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir + "/db/madoguchi", "madoguchi", "");
    }

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
            case "rosters" -> {
                List<String> names = Files.readAllLines(dir.resolve("names.txt"));
                try (Connection db = h2(dir); PreparedStatement insert = db.prepareStatement("""
                        INSERT INTO roster (municipality_id, file_sha256, file_name, file_size, file_format, uploaded_by,
                            uploaded_at, total_rows, accepted_rows, rejected_rows, state)
                        VALUES ((SELECT MIN(id) FROM municipality), ?, ?, ?, 'CSV', 'bench', CURRENT_TIMESTAMP, 0, 0, 0,
                            'COMPLETE')""")) {
                    for (String n : names) {
                        insert.setString(1, n);
                        insert.setString(2, "bench-" + n.substring(0, 8) + ".csv");
                        insert.setLong(3, Files.size(store.find(n).orElseThrow()));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                System.out.printf("%d rosters%n", names.size());
            }
            case "runs" -> {
                long bytes = 0;
                for (String n : Files.readAllLines(dir.resolve("names.txt"))) {
                    bytes += Files.size(store.find(n).orElseThrow());
                }
                try (Connection db = h2(dir); ResultSet rs = db.createStatement().executeQuery("""
                        SELECT id, checked, mismatches, started_at, finished_at FROM fixity_run
                        WHERE checked > 0 ORDER BY id""")) {
                    while (rs.next()) {
                        double secs = Duration.between(rs.getObject(4, OffsetDateTime.class),
                                rs.getObject(5, OffsetDateTime.class)).toNanos() / 1e9;
                        System.out.printf("run %d: %d files, %d mismatches, %.3f s = %.0f MB/s%n", rs.getLong(1),
                                rs.getLong(2), rs.getLong(3), secs, bytes / 1e6 / secs);
                    }
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

}
