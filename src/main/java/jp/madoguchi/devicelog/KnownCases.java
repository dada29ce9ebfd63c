package jp.madoguchi.devicelog;

import java.util.Collection;
import java.util.Set;

/**
 * Which case ids exist in a municipality, as the device log needs to flag events of
 * unknown cases ({@code UNKNOWN_CASE}). Implemented by the cases module (which already
 * depends on this one for a case's events), so the device log never reads its tables.
 */
public interface KnownCases {

	/** The ids among {@code caseIds} that are cases of the municipality. */
	Set<Long> existing(long municipalityId, Collection<Long> caseIds);

}
