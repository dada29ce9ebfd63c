package jp.madoguchi.tenant;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.matching.match.DictionaryMatch;
import me.gosimple.nbvcxz.matching.match.Match;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.scoring.Result;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

import jp.madoguchi.errors.ClientError;

/**
 * The password policy for every password set anywhere (temporary, changed, bootstrap) —
 * except the demo profile's documented users. Rules, checked in this order, each with its
 * own Japanese reason in the message catalogue:
 * <ol>
 * <li>at least {@value TenantLimits#PASSWORD_MIN} characters, at most
 * {@value TenantLimits#PASSWORD_MAX_BYTES} bytes (bcrypt ignores the rest);</li>
 * <li>not the username, nor containing it (case-insensitive);</li>
 * <li>not a common password: nbvcxz's list of leaked passwords must not make up half or
 * more of it (so {@code password1234} and {@code iloveyou2026} are refused);</li>
 * <li>at least {@value #MINIMUM_ENTROPY_BITS} bits of entropy as nbvcxz estimates it
 * (dictionaries, keyboard patterns, sequences, repeats, years).</li>
 * </ol>
 */
@Component
class PasswordPolicy {

	/**
	 * 40 bits ≈ 10^12 guesses for an attacker who knows nbvcxz's dictionaries and
	 * patterns. Online guessing is throttled separately; this bound is for a stolen
	 * database: bcrypt (cost 10) runs at roughly 10^4 guesses per second on one current
	 * GPU, so 10^12 guesses take years, while three unrelated words or a name with a
	 * separator and digits (「sakura-mizu-yama」, 47 bits) still pass — a policy staff can
	 * live with. nbvcxz's own default (35 bits) would fall within weeks.
	 */
	static final double MINIMUM_ENTROPY_BITS = 40;

	/**
	 * Temporary passwords: no 0/O, 1/l/I look-alikes; four groups of four (≈ 75 bits).
	 */
	private static final String READABLE = "abcdefghijkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Nbvcxz nbvcxz = new Nbvcxz(new ConfigurationBuilder().setMinimumEntropy(MINIMUM_ENTROPY_BITS)
		.setLocale(Locale.ENGLISH)
		.createConfiguration());

	/** Refuses a weak password with 422 {@code WEAK_PASSWORD} and the rule's reason. */
	void check(String username, String password) {
		Optional<String> weakness = weakness(username, password);
		if (weakness.isPresent()) {
			throw ClientError
				.unprocessable("WEAK_PASSWORD",
						new DefaultMessageSourceResolvable(new String[] { weakness.get() },
								new Object[] { TenantLimits.PASSWORD_MIN, TenantLimits.PASSWORD_MAX_BYTES }))
				.field("newPassword");
		}
	}

	/** The catalogue code of the first rule the password breaks, if any. */
	Optional<String> weakness(String username, String password) {
		if (password == null || password.codePointCount(0, password.length()) < TenantLimits.PASSWORD_MIN) {
			return Optional.of("WEAK_PASSWORD_TOO_SHORT");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > TenantLimits.PASSWORD_MAX_BYTES) {
			return Optional.of("WEAK_PASSWORD_TOO_LONG");
		}
		if (username != null && !username.isBlank()
				&& password.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
			return Optional.of("WEAK_PASSWORD_USERNAME");
		}
		Result result = estimate(password);
		int common = 0;
		for (Match match : result.getMatches()) {
			if (match instanceof DictionaryMatch word && "passwords".equals(word.getDictionaryName())) {
				common += match.getToken().length();
			}
		}
		if (common * 2 >= password.length()) {
			return Optional.of("WEAK_PASSWORD_COMMON");
		}
		if (result.getEntropy() < MINIMUM_ENTROPY_BITS) {
			return Optional.of("WEAK_PASSWORD_PREDICTABLE");
		}
		return Optional.empty();
	}

	/**
	 * A one-time password that satisfies the policy, e.g. {@code k7pm-x3qa-w9rt-hv4e}.
	 */
	String temporaryPassword(String username) {
		while (true) {
			StringBuilder sb = new StringBuilder();
			for (int i = 0; i < 16; i++) {
				if (i > 0 && i % 4 == 0) {
					sb.append('-');
				}
				sb.append(READABLE.charAt(RANDOM.nextInt(READABLE.length())));
			}
			String candidate = sb.toString();
			if (weakness(username, candidate).isEmpty()) {
				return candidate;
			}
		}
	}

	/** nbvcxz keeps no state between estimates; serialised to stay on the safe side. */
	private synchronized Result estimate(String password) {
		return nbvcxz.estimate(password);
	}

}
