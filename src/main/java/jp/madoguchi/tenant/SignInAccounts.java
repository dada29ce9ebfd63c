package jp.madoguchi.tenant;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The two look-ups sign-in protection needs from {@code app_user}: whose municipality a
 * username belongs to (to audit its failures there), and which username an
 * administrator's user id names.
 */
@Component
class SignInAccounts {

	private final JdbcClient jdbc;

	SignInAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The municipality of the user with exactly this username; empty if none. */
	Optional<Long> municipalityOf(String username) {
		return this.jdbc.sql("SELECT municipality_id FROM app_user WHERE username = ?")
			.param(username)
			.query(Long.class)
			.optional();
	}

	/** The username of a user of this municipality; empty for another municipality's. */
	Optional<String> usernameOf(long municipalityId, long userId) {
		return this.jdbc.sql("SELECT username FROM app_user WHERE id = ? AND municipality_id = ?")
			.params(userId, municipalityId)
			.query(String.class)
			.optional();
	}

}
