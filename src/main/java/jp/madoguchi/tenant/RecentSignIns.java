package jp.madoguchi.tenant;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs users in by username and password, behind the {@link SignInThrottle}. The API is
 * stateless HTTP Basic, so every request carries the password; checking it with bcrypt
 * each time (tens of milliseconds by design) would cap the API at a few dozen requests
 * per second. A successful check is therefore remembered for a few minutes as an HMAC of
 * the credential under a key that exists only in this process's memory, in a bounded
 * cache. Failed attempts are never remembered: guessing still pays bcrypt each time, and
 * counts towards the throttle.
 * <p>
 * Order of an attempt: the throttle (in memory; a throttled username is refused here,
 * before any database read or bcrypt), then the remembered sign-ins (in memory), then the
 * full check. A remembered sign-in neither counts nor resets the failures: otherwise an
 * attacker could interleave guesses with an honest API client's requests and never reach
 * the limit. When a username reaches the limit its remembered sign-ins are forgotten, so
 * the attempt after the wait is a full check.
 */
@Component
class RecentSignIns implements AuthenticationProvider {

	static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

	static final int MAX_ENTRIES = 10_000;

	private final DaoAuthenticationProvider passwordCheck;

	private final SignInThrottle throttle;

	private final SecretKeySpec key;

	private final Cache<String, StaffUser> recent = Caffeine.newBuilder()
		.maximumSize(MAX_ENTRIES)
		.expireAfterWrite(REMEMBERED_FOR)
		.build();

	RecentSignIns(Tenants users, PasswordEncoder passwords, SignInThrottle throttle) {
		this.passwordCheck = new DaoAuthenticationProvider(users);
		this.passwordCheck.setPasswordEncoder(passwords);
		this.throttle = throttle;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	@Override
	public Authentication authenticate(Authentication request) {
		String username = request.getName();
		this.throttle.admit(username);
		if (!(request.getCredentials() instanceof String password)) {
			return check(request, username);
		}
		String fingerprint = fingerprint(username, password);
		StaffUser known = this.recent.getIfPresent(fingerprint);
		if (known != null) {
			return UsernamePasswordAuthenticationToken.authenticated(known, null, known.getAuthorities());
		}
		Authentication result = check(request, username);
		if (result.getPrincipal() instanceof StaffUser user) {
			this.recent.put(fingerprint, user);
		}
		return result;
	}

	/**
	 * Forgets every remembered sign-in of a user, so the next request checks the password
	 * in full (after a password change or a deactivation).
	 */
	void forget(String username) {
		this.recent.asMap().values().removeIf(user -> user.getUsername().equals(username));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** The full check: bcrypt against the stored hash, counted by the throttle. */
	private Authentication check(Authentication request, String username) {
		Authentication result;
		try {
			result = this.passwordCheck.authenticate(request);
		}
		catch (CredentialsExpiredException rightPassword) {
			// Raised only after the password matched (e.g. one that must be changed): not
			// a guess.
			this.throttle.succeeded(username);
			throw rightPassword;
		}
		catch (BadCredentialsException | AccountStatusException refused) {
			if (this.throttle.failed(username)) {
				this.recent.asMap()
					.values()
					.removeIf(user -> SignInThrottle.sameUsername(user.getUsername(), username));
			}
			throw refused;
		}
		this.throttle.succeeded(username);
		return result;
	}

	private String fingerprint(String username, String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return HexFormat.of()
				.formatHex(mac.doFinal((username + '\u0000' + password).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

}
