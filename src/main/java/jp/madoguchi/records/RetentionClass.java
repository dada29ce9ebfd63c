package jp.madoguchi.records;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How long a record type is kept: {@code years} counted from {@code from}.
 *
 * @param recordType {@code roster-file}, {@code scan-original}, {@code signed-document},
 * {@code generated-document} or {@code device-log}
 * @param label its name in Japanese
 * @param isDefault whether it is the service's default (no ADMIN has set it)
 * @param reason why the default is what it is
 */
record RetentionClass(String recordType, String label, int years, RetentionEvent from, boolean isDefault, String reason,
		@Schema(nullable = true) String changedBy, @Schema(nullable = true) OffsetDateTime changedAt) {
}
