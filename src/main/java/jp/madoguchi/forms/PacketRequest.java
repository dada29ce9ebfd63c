package jp.madoguchi.forms;

import java.time.LocalDate;
import java.util.List;

/**
 * A print packet for one roster or facility.
 *
 * @param title printed on the cover, e.g. the facility or roster name
 * @param issueDate the date the documents are issued (drives era dates and the 75+ rule)
 */
public record PacketRequest(String title, List<Applicant> applicants, MunicipalitySettings municipality,
		LocalDate issueDate) {

	public PacketRequest {
		applicants = List.copyOf(applicants);
	}
}
