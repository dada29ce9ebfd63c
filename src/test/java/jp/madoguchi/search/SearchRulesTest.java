package jp.madoguchi.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.madoguchi.cases.SignedDocuments;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.scans.ScannedDocument;

/**
 * The rules without the service: a document's status from what cases and scans know, the
 * request's parameters, the audit line, and the index used from plain Java (as a
 * benchmark does): one municipality only, filters, facets, paging, commit and reopen.
 */
class SearchRulesTest {

	private static final OffsetDateTime T = OffsetDateTime.of(2026, 4, 1, 3, 0, 0, 0, ZoneOffset.UTC);

	@TempDir
	Path dir;

	@Test
	void aDocumentsStatusComesFromTheCaseAndTheScans() {
		assertThat(SearchProjection.status(null, null)).isEqualTo(SearchStatus.GENERATED);
		var scanSigned = new ScannedDocument("D000000001", 1, List.of(), "SIGNED", T, 5L);
		var scanMissing = new ScannedDocument("D000000001", 1, List.of(2), "SIGNED", T, 5L);
		assertThat(SearchProjection.status(null, scanSigned)).isEqualTo(SearchStatus.SIGNED);
		assertThat(SearchProjection.status(null, scanMissing)).isEqualTo(SearchStatus.MISSING_PAGE);
		assertThat(SearchProjection.status(received("UNSIGNED", true), scanSigned)).isEqualTo(SearchStatus.UNSIGNED);
		assertThat(SearchProjection.status(received("UNCLEAR", true), null)).isEqualTo(SearchStatus.UNCLEAR);
		assertThat(SearchProjection.status(received("SIGNED", false), null)).isEqualTo(SearchStatus.MISSING_PAGE);
		// A form without boxes, received whole: nothing is missing from it.
		assertThat(SearchProjection.status(received("NONE", true), null)).isEqualTo(SearchStatus.SIGNED);
		assertThat(SearchProjection.status(null, new ScannedDocument("D000000001", 1, List.of(), null, T, null)))
			.isEqualTo(SearchStatus.SIGNED);
	}

	private static SignedDocuments.Received received(String signature, boolean complete) {
		return new SignedDocuments.Received("D000000001", "consent", signature, complete, T);
	}

	@Test
	void parametersAreReadOrRefusedWithTheirCode() {
		SearchRequest r = SearchRequest.parse(" 渡辺 ", "みずほ苑", "consent", "signed", "R6.4.1", "令和6年4月30日", null, "",
				"newest", "3");
		assertThat(r.q()).isEqualTo("渡辺");
		assertThat(r.status()).isEqualTo(SearchStatus.SIGNED);
		assertThat(r.generatedFrom()).isEqualTo(LocalDate.of(2024, 4, 1));
		assertThat(r.generatedTo()).isEqualTo(LocalDate.of(2024, 4, 30));
		assertThat(r.signedTo()).isNull();
		assertThat(r.sort()).isEqualTo(SearchRequest.Sort.NEWEST);
		assertThat(r.page()).isEqualTo(3);
		assertThatThrownBy(() -> SearchRequest.parse(null, null, null, null, null, null, null, null, null, "99999"))
			.isInstanceOfSatisfying(ClientError.class, e -> assertThat(e.code()).isEqualTo("SEARCH_BAD_PAGE"));
		assertThatThrownBy(
				() -> SearchRequest.parse("𠮷".repeat(101), null, null, null, null, null, null, null, null, null))
			.isInstanceOfSatisfying(ClientError.class, e -> assertThat(e.code()).isEqualTo("SEARCH_QUERY_TOO_LONG"));
		// 100 characters outside the BMP are 100 characters.
		assertThat(SearchRequest.parse("𠮷".repeat(100), null, null, null, null, null, null, null, null, null).q())
			.hasSize(200);
	}

	@Test
	void theAuditLineSaysWhatWasSearchedWithinTheColumn() {
		SearchRequest r = SearchRequest.parse("渡邉ハナ", "みずほ苑", null, "SIGNED", null, null, "2024-04-01", null, null,
				null);
		assertThat(SearchApi.auditTarget(r, 3))
			.isEqualTo("hits=3;q=渡邉ハナ;facility=みずほ苑;status=SIGNED;signed=2024-04-01..");
		String longest = SearchApi.auditTarget(
				SearchRequest.parse("長".repeat(100), "施".repeat(200), null, null, null, null, null, null, null, null),
				1);
		assertThat(longest.codePointCount(0, longest.length())).isEqualTo(100);
		assertThat(longest).startsWith("hits=1;q=長").endsWith("…");
	}

	@Test
	void theIndexServesOneMunicipalityWithFiltersFacetsAndPagesFromPlainJava() throws Exception {
		try (SearchIndex index = SearchIndex.open(dir)) {
			assertThat(index.fresh()).isTrue();
			SearchService service = new SearchService(index);
			index.add(List.of(entry(1, 10, "渡邉　ハナ", "みずほ苑", SearchStatus.SIGNED, T),
					entry(1, 11, "渡邉　ハナ", "あおば園", SearchStatus.GENERATED, T.plusDays(1)),
					entry(2, 12, "渡邉　ハナ", "みずほ苑", SearchStatus.SIGNED, T)));
			for (int i = 0; i < 45; i++) {
				index.add(List.of(entry(1, 100 + i, "頁　送子", "みずほ苑", SearchStatus.GENERATED, T.plusMinutes(i))));
			}
			index.commit(7, List.of(5L));
			index.refresh();

			SearchResponse found = service.search(1, SearchRequest.text("渡邉　ハナ"));
			assertThat(found.total()).isEqualTo(2);
			assertThat(found.hits()).extracting(SearchResponse.Hit::caseId).containsExactly(11L, 10L);
			assertThat(found.hits().get(0).birthDateEra()).isEqualTo("昭和23年4月5日");
			assertThat(found.facets().facility()).extracting(SearchResponse.FacetCount::value)
				.containsExactlyInAnyOrder("みずほ苑", "あおば園");
			SearchResponse signed = service.search(1, new SearchRequest("渡邉　ハナ", "みずほ苑", "consent", SearchStatus.SIGNED,
					null, null, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1), null, 0));
			assertThat(signed.hits()).extracting(SearchResponse.Hit::caseId).containsExactly(10L);
			assertThat(service
				.search(1,
						new SearchRequest("渡邉　ハナ", null, null, null, null, null, LocalDate.of(2026, 4, 2), null, null,
								0))
				.hits()).isEmpty();

			SearchResponse third = service.search(1,
					new SearchRequest("頁　送子", null, null, null, null, null, null, null, SearchRequest.Sort.NEWEST, 2));
			assertThat(third.total()).isEqualTo(45);
			assertThat(third.hits()).hasSize(5);
			assertThat(third.hits().get(0).caseId()).isEqualTo(104L);
		}
		try (SearchIndex reopened = SearchIndex.open(dir)) {
			assertThat(reopened.fresh()).isFalse();
			assertThat(reopened.committedSeq()).isEqualTo(7);
			assertThat(reopened.committedGaps()).containsExactly(5L);
			assertThat(new SearchService(reopened).search(2, SearchRequest.text("渡邉　ハナ")).hits())
				.extracting(SearchResponse.Hit::caseId)
				.containsExactly(12L);
		}
	}

	private static SearchRecord entry(long municipality, long caseId, String name, String facility, SearchStatus status,
			OffsetDateTime generated) {
		return new SearchRecord(SearchRecord.documentKey("D" + caseId), municipality, caseId, 1, "D" + caseId, name,
				"ワタナベ　ハナ", LocalDate.of(1948, 4, 5), "女", null, facility, "101", "consent", "1", "NEW_AT_HANDOVER_SELF",
				status, generated, null, status == SearchStatus.SIGNED ? generated : null, null);
	}

}
