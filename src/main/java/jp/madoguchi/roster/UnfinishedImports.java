package jp.madoguchi.roster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import jp.madoguchi.runtime.ServingProcessOnly;

/**
 * At start, removes rosters whose import was cut off by a stop of the service (they were
 * never visible). One service instance owns a database, so an IMPORTING roster at start
 * can never complete.
 */
@ServingProcessOnly
@Component
class UnfinishedImports implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(UnfinishedImports.class);

	private final RosterRepository rosters;

	private final RosterImporter importer;

	UnfinishedImports(RosterRepository rosters, RosterImporter importer) {
		this.rosters = rosters;
		this.importer = importer;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (RosterRepository.Unfinished roster : rosters.unfinished()) {
			if (importer.discard(roster.municipalityId(), roster.id())) {
				log.warn("Removed roster {} whose import was interrupted; it was never visible", roster.id());
			}
		}
	}

}
