// A valid workstation-day device log of N events, sealed with the reader adapter's own hash rule and ids made by its
// own EventIds (time-ordered, one event per millisecond from 10:00), for benchmarks:
//   java -cp reader-adapter/target/classes bench/DeviceLogGenerator.java DIR WORKSTATION DAY EVENTS
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;

import jp.madoguchi.reader.log.ChainVerifier;
import jp.madoguchi.reader.log.EventIds;

public class DeviceLogGenerator {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String workstation = args[1], day = args[2];
        int events = Integer.parseInt(args[3]);
        Files.createDirectories(dir);
        String prev = ChainVerifier.GENESIS;
        long ten = OffsetDateTime.parse(day + "T10:00:00.000+09:00").toInstant().toEpochMilli();
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(workstation + "_" + day + ".jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < events; i++) {
                String pin = "{\"triesLeft\":0,\"state\":\"BLOCKED\",\"sw\":\"63C0\"}";
                String open = "{\"eventId\":\"" + EventIds.next(ten + i) + "\",\"time\":\"" + day + "T10:00:00.000+09:00\","
                        + "\"workstation\":\"" + workstation + "\",\"reader\":\"Virtual PCD 00 00\",\"operator\":\"staff-7\","
                        + "\"caseId\":\"" + (i % 5000 + 1) + "\",\"command\":\"verify-lock\",\"outcome\":\"LOCKED\","
                        + "\"card\":{\"fingerprint\":\"" + "ab".repeat(32) + "\",\"certSerial\":\"1A2B3C4D\","
                        + "\"notAfter\":\"2036-11-18T10:59:10Z\",\"cardSerialHash\":null},\"pins\":{\"jpkiAuth\":" + pin
                        + ",\"cardInfoInput\":" + pin + ",\"residentRegistry\":" + pin + ",\"commonAp\":" + pin
                        + ",\"jpkiSign\":{\"triesLeft\":5,\"state\":\"OK\",\"sw\":\"63C5\"}}";
                String line = ChainVerifier.seal(open, prev);
                out.write(line);
                out.write('\n');
                prev = ChainVerifier.hashOf(line);
            }
        }
    }
}
