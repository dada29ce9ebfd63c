package jp.madoguchi.roster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code madoguchi.roster.*}: the largest upload, how many errors one answer lists (all
 * are counted), and the most rows and columns one roster file may have (title and header
 * rows included; see {@link RosterFileLimits}).
 */
@ConfigurationProperties("madoguchi.roster")
record RosterProperties(@DefaultValue("100MB") DataSize maxUploadSize, @DefaultValue("10000") int maxReportedErrors,
		@DefaultValue("200000") int maxRows, @DefaultValue("1000") int maxColumns) {
}
