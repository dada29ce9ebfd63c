package jp.madoguchi.records;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import jp.madoguchi.retention.RecordKeeper;

/**
 * The module that keeps each record type: exactly one keeper per {@link RecordType}, or
 * the service does not start.
 */
@Component
class RecordKeepers {

	private final Map<RecordType, RecordKeeper> byType = new EnumMap<>(RecordType.class);

	RecordKeepers(List<RecordKeeper> keepers) {
		for (RecordKeeper keeper : keepers) {
			RecordType type = RecordType.of(keeper.recordType())
				.orElseThrow(() -> new IllegalStateException("unknown record type " + keeper.recordType()));
			if (byType.put(type, keeper) != null) {
				throw new IllegalStateException("two keepers of " + type.id());
			}
		}
		for (RecordType type : RecordType.values()) {
			if (!byType.containsKey(type)) {
				throw new IllegalStateException("no keeper of " + type.id());
			}
		}
	}

	RecordKeeper of(RecordType type) {
		return byType.get(type);
	}

	/** The record types whose records have stored files. */
	List<String> typesWithFiles() {
		return byType.entrySet().stream().filter(e -> e.getValue().keepsFiles()).map(e -> e.getKey().id()).toList();
	}

	/** Whether any record not disposed still references this stored file. */
	boolean referenced(String sha256) {
		return byType.values().stream().anyMatch(k -> k.references(sha256));
	}

}
