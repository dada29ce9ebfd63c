package jp.madoguchi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A module owns its tables: no module's SQL names a table of another. The owners are
 * declared here, and every table a migration creates must have one, so a new table is
 * given an owner when it is made. Tables of the frameworks (Spring Batch's job
 * repository, Spring Modulith's event publications) belong to no module: none may name
 * them.
 */
class TableOwnershipTest {

	private static final Map<String, Set<String>> OWNED = Map.ofEntries(Map.entry("audit", Set.of("audit_event")),
			Map.entry("cases",
					Set.of("applicant_case", "case_lock_evidence", "case_roster", "case_signed_document", "case_step",
							"duplicate_person")),
			Map.entry("changes", Set.of("change_log")),
			Map.entry("devicelog", Set.of("device_chain", "device_chunk", "device_event", "device_log_finding")),
			Map.entry("forms", Set.of("case_document", "municipality_template", "municipality_template_current")),
			Map.entry("reconcile", Set.of("reconcile_finding", "reconcile_run", "reconcile_run_finding")),
			Map.entry("records",
					Set.of("disposal", "disposal_item", "fixity_finding", "fixity_run", "legal_hold",
							"retention_class")),
			Map.entry("retention", Set.of("tombstone")), Map.entry("roster", Set.of("roster", "roster_error")),
			Map.entry("scans", Set.of("scan_document", "scan_file", "scan_page")),
			Map.entry("tenant", Set.of("app_user", "municipality", "workstation_key")));

	private static final Set<String> FRAMEWORK = Set.of("batch_job_execution", "batch_job_execution_context",
			"batch_job_execution_params", "batch_job_instance", "batch_step_execution", "batch_step_execution_context",
			"event_publication");

	private static final Path SOURCES = Path.of("src/main/java/jp/madoguchi");

	private static final Pattern CREATE = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?([a-z_0-9]+)");

	private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

	private static final Pattern NAMED = Pattern
		.compile("(?i)\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z_][a-z_0-9]*)");

	@Test
	void everyTableMadeByAMigrationHasAnOwner() throws IOException {
		Set<String> owned = new TreeSet<>(FRAMEWORK);
		OWNED.values().forEach(owned::addAll);
		Set<String> created = new TreeSet<>();
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
			for (Path file : files.toList()) {
				Matcher m = CREATE.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (m.find()) {
					created.add(m.group(1).toLowerCase(Locale.ROOT));
				}
			}
		}
		assertThat(created).isNotEmpty();
		assertThat(owned).containsAll(created);
	}

	@Test
	void noModuleNamesAnotherModulesTable() throws IOException {
		Set<String> known = new TreeSet<>(FRAMEWORK);
		OWNED.values().forEach(known::addAll);
		List<String> crossings = new ArrayList<>();
		int named = 0;
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Path relative = SOURCES.relativize(file);
				if (relative.getNameCount() < 2) {
					continue;
				}
				String module = relative.getName(0).toString();
				Set<String> own = OWNED.getOrDefault(module, Set.of());
				String code = COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll(" ");
				Matcher m = NAMED.matcher(code);
				while (m.find()) {
					String table = m.group(1).toLowerCase(Locale.ROOT);
					if (!known.contains(table)) {
						continue;
					}
					named++;
					if (!own.contains(table)) {
						crossings.add(relative + " names " + table);
					}
				}
			}
		}
		// The scan itself must see the modules' SQL, or it proves nothing.
		assertThat(named).isGreaterThan(50);
		assertThat(crossings).isEmpty();
	}

}
