package jp.madoguchi.search;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.madoguchi.runtime.ServingProcessOnly;

/**
 * The index lives in {@code madoguchi.search.index-dir}, by default
 * {@code ${madoguchi.data-dir}/search-index}.
 */
@ServingProcessOnly
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

	@Bean(destroyMethod = "close")
	SearchIndex searchIndex(@Value("${madoguchi.search.index-dir:${madoguchi.data-dir}/search-index}") Path dir)
			throws IOException {
		return SearchIndex.open(dir);
	}

}
