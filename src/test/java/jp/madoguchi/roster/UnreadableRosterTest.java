package jp.madoguchi.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Rosters;

/**
 * Files that are no roster get a clear 4xx answer; nothing is stored and the service
 * keeps running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class UnreadableRosterTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refusesWhatIsNoRosterAndStoresNothing() throws Exception {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		byte[] random = new byte[64 * 1024];
		new Random(7).nextBytes(random);
		byte[] xlsx = Rosters.xlsx(List.of(Rosters.row("山田　花子", "ヤマダ　ハナコ", "1950-01-01", "出張申請受付", "本人")));
		byte[] truncatedXlsx = Arrays.copyOf(xlsx, xlsx.length / 2);
		// Valid in neither UTF-8 nor CP932: 0x85 0x40 is outside CP932's lead bytes'
		// ranges, 0xFF never occurs.
		byte[] neitherEncoding = "氏名,フリガナ\n".getBytes(StandardCharsets.UTF_8);
		neitherEncoding = concat(neitherEncoding, new byte[] { (byte) 0xFF, (byte) 0xFE, 0x41, (byte) 0x85, 0x40 });
		byte[] oldExcel = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0,
				0 };

		assertRefused(clerk.upload("random.bin", random, false), 415, "BINARY_FILE");
		assertRefused(clerk.upload("truncated.xlsx", truncatedXlsx, false), 400, "DAMAGED_XLSX");
		assertRefused(clerk.upload("empty.csv", new byte[0], false), 400, "EMPTY_FILE");
		assertRefused(clerk.upload("mojibake.csv", neitherEncoding, false), 400, "UNKNOWN_ENCODING");
		assertRefused(clerk.upload("old.xls", oldExcel, false), 415, "UNSUPPORTED_XLS");

		long twoHundredMb = 200L * 1024 * 1024;
		var huge = clerk.upload("huge.csv", () -> new RepeatingStream(twoHundredMb), false);
		assertRefused(huge, 413, "FILE_TOO_LARGE");

		assertThat(jdbc.sql("SELECT COUNT(*) FROM roster").query(Long.class).single()).isZero();
		try (var files = Files.walk(dataDir.resolve("files"))) {
			assertThat(files.filter(Files::isRegularFile).count()).isZero();
		}
		try (var staged = Files.list(dataDir.resolve("staging"))) {
			assertThat(staged.count()).isZero();
		}
		var health = clerk.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.text()).contains("UP");
		// Still serving imports after all that.
		assertThat(clerk.upload("ok.xlsx", xlsx, false).status()).isEqualTo(201);
	}

	private static void assertRefused(ApiClient.Response response, int status, String code) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.json().get("code").asString()).isEqualTo(code);
		assertThat(response.json().get("message").asString()).isNotBlank().doesNotContain("Exception");
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	/** A large file that needs no memory: the same CSV-looking bytes over and over. */
	private static final class RepeatingStream extends InputStream {

		private final byte[] pattern = "山田,ヤマダ,1950-01-01\n".getBytes(StandardCharsets.UTF_8);

		private long remaining;

		private int position;

		RepeatingStream(long size) {
			this.remaining = size;
		}

		@Override
		public int read() {
			if (remaining-- <= 0) {
				return -1;
			}
			byte b = pattern[position];
			position = (position + 1) % pattern.length;
			return b & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (remaining <= 0) {
				return -1;
			}
			int n = (int) Math.min(length, remaining);
			for (int i = 0; i < n; i++) {
				buffer[offset + i] = pattern[position];
				position = (position + 1) % pattern.length;
			}
			remaining -= n;
			return n;
		}

	}

}
