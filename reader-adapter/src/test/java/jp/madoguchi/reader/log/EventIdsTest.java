package jp.madoguchi.reader.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

	@Test
	void anIdIsAVersion7UuidCarryingItsMillisecond() {
		long millis = Instant.parse("2026-11-21T01:05:00.120Z").toEpochMilli();
		UUID id = UUID.fromString(EventIds.next(millis));
		assertEquals(7, id.version());
		assertEquals(2, id.variant());
		assertEquals(millis, id.getMostSignificantBits() >>> 16);
	}

	@Test
	void theRandomBitsFillOnlyTheirFields() {
		assertEquals("abcdef01-2345-7fff-bfff-ffffffffffff", EventIds.of(0xABCDEF012345L, -1L, -1L).toString());
		assertEquals("abcdef01-2345-7000-8000-000000000000", EventIds.of(0xABCDEF012345L, 0L, 0L).toString());
	}

	@Test
	void idsOfLaterMillisecondsSortAfterEarlierOnesAsText() {
		List<String> ids = new ArrayList<>();
		long start = Instant.parse("2026-11-21T00:00:00Z").toEpochMilli();
		for (int i = 0; i < 1000; i++) {
			ids.add(EventIds.next(start + i * 7L));
		}
		List<String> sorted = new ArrayList<>(ids);
		sorted.sort(null);
		assertEquals(sorted, ids);
		assertEquals(1000, new HashSet<>(ids).size());
	}

	@Test
	void aTimeOutsideFortyEightBitsIsRefused() {
		assertThrows(IllegalArgumentException.class, () -> EventIds.next(-1));
		assertThrows(IllegalArgumentException.class, () -> EventIds.next(1L << 48));
	}

}
