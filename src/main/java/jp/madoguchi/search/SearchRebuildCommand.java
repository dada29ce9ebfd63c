package jp.madoguchi.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import jp.madoguchi.runtime.ServingProcessOnly;

/**
 * {@code java -jar madoguchi.jar --madoguchi.search.rebuild}: rebuilds the search index
 * from the database at start, then serves as usual; with
 * {@code --spring.main.web-application-type=none} as well, it stops when done.
 */
@ServingProcessOnly
@Component
class SearchRebuildCommand implements ApplicationRunner {

	static final String OPTION = "madoguchi.search.rebuild";

	private static final Logger log = LoggerFactory.getLogger(SearchRebuildCommand.class);

	private final IndexFeeder feeder;

	SearchRebuildCommand(IndexFeeder feeder) {
		this.feeder = feeder;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		if (!args.containsOption(OPTION)) {
			return;
		}
		RebuildProgress done = feeder.rebuildAndWait();
		log.info("Search index rebuild on request: {} ({} cases, {} entries)", done.state(), done.cases(),
				done.entries());
	}

}
