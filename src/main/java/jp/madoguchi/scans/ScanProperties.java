package jp.madoguchi.scans;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and the inbox of scans ({@code madoguchi.scans.*}).
 *
 * @param maxUploadSize the largest scan file taken (upload or inbox)
 * @param maxPages pages per file
 * @param maxPagePixels pixels of one page image (an A3 page at 600 dpi is 70 million): a
 * larger one is refused before it is decoded
 * @param workers pages read at once
 * @param inbox a folder watched for scan files, one sub-folder per municipality (its
 * 6-digit local government code); none when unset
 * @param inboxPoll how often the inbox is looked at; a file is taken once its size has
 * stayed the same for one interval
 */
@ConfigurationProperties("madoguchi.scans")
record ScanProperties(@DefaultValue("1GB") DataSize maxUploadSize, @DefaultValue("2000") int maxPages,
		@DefaultValue("150000000") long maxPagePixels, @DefaultValue("2") int workers, Path inbox,
		@DefaultValue("10s") Duration inboxPoll) {
}
