package jp.madoguchi.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code madoguchi.data-dir}: where the embedded database and the file store live
 * (default {@code ./data}).
 */
@ConfigurationProperties("madoguchi")
public record StorageProperties(@DefaultValue("./data") Path dataDir) {
}
