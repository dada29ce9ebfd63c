package jp.madoguchi.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * The page and the report name each type, severity and state from the catalogue by a key
 * built from the enum ({@code RECONCILE_TYPE_<type>}), which the catalogue test cannot
 * see: a new type without its Japanese name would fail the page and the report.
 */
class FindingLabelsTest {

	@Test
	void everyTypeSeverityAndStateHasAJapaneseName() throws IOException {
		Properties catalogue = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
			catalogue.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		List<String> keys = new ArrayList<>();
		for (FindingType type : FindingType.values()) {
			keys.add("RECONCILE_TYPE_" + type.name());
			keys.add("RECONCILE_" + type.name());
		}
		for (Severity severity : Severity.values()) {
			keys.add("RECONCILE_SEVERITY_" + severity.name());
		}
		for (FindingState state : FindingState.values()) {
			keys.add("RECONCILE_STATE_" + state.name());
		}
		for (String status : List.of("STARTED", "COMPLETED", "FAILED")) {
			keys.add("RECONCILE_STATUS_" + status);
		}
		assertThat(keys).allSatisfy(key -> assertThat(catalogue.getProperty(key)).as(key).isNotBlank());
	}

}
