package jp.madoguchi.cases;

import java.util.Collection;
import java.util.Set;

import org.springframework.stereotype.Component;

import jp.madoguchi.devicelog.KnownCases;

/** The device log's view of which cases exist: {@link CaseRegistry#existing}. */
@Component
class DeviceLogCases implements KnownCases {

	private final CaseRegistry cases;

	DeviceLogCases(CaseRegistry cases) {
		this.cases = cases;
	}

	@Override
	public Set<Long> existing(long municipalityId, Collection<Long> caseIds) {
		return cases.existing(municipalityId, caseIds);
	}

}
