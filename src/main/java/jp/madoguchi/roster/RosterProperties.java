package jp.madoguchi.roster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code madoguchi.roster.*}: the largest upload, and how many errors one answer lists
 * (all are counted).
 */
@ConfigurationProperties("madoguchi.roster")
record RosterProperties(@DefaultValue("100MB") DataSize maxUploadSize, @DefaultValue("10000") int maxReportedErrors) {
}
