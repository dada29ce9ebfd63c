package jp.madoguchi.tenant;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs users in by username and password. The API is stateless HTTP Basic, so every
 * request carries the password; checking it with bcrypt each time (tens of milliseconds
 * by design) would cap the API at a few dozen requests per second. A successful check is
 * therefore remembered for a few minutes as an HMAC of the credential under a key that
 * exists only in this process's memory. Failed attempts are never remembered: guessing
 * still pays bcrypt each time.
 */
@Component
class RecentSignIns implements AuthenticationProvider {

	static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

	private static final int MAX_ENTRIES = 10_000;

	private final DaoAuthenticationProvider passwordCheck;

	private final SecretKeySpec key;

	private final ConcurrentHashMap<String, SignIn> recent = new ConcurrentHashMap<>();

	RecentSignIns(Tenants users, PasswordEncoder passwords) {
		this.passwordCheck = new DaoAuthenticationProvider(users);
		this.passwordCheck.setPasswordEncoder(passwords);
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	@Override
	public Authentication authenticate(Authentication request) {
		if (!(request.getCredentials() instanceof String password)) {
			return passwordCheck.authenticate(request);
		}
		String fingerprint = fingerprint(request.getName(), password);
		long now = System.nanoTime();
		SignIn known = recent.get(fingerprint);
		if (known != null && now - known.at() < REMEMBERED_FOR.toNanos()) {
			return UsernamePasswordAuthenticationToken.authenticated(known.user(), null, known.user().getAuthorities());
		}
		Authentication result = passwordCheck.authenticate(request);
		if (result.getPrincipal() instanceof StaffUser user) {
			if (recent.size() >= MAX_ENTRIES) {
				recent.clear(); // bounded memory; the next requests pay bcrypt once more
			}
			recent.put(fingerprint, new SignIn(user, now));
		}
		return result;
	}

	/**
	 * Forgets every remembered sign-in of a user: after a password change or reset, a
	 * change of roles, or deactivation, the next request pays bcrypt and reads the user
	 * afresh.
	 */
	void forget(String username) {
		recent.values().removeIf(signIn -> signIn.user().getUsername().equals(username));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private String fingerprint(String username, String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return HexFormat.of()
				.formatHex(mac.doFinal((username + '\u0000' + password).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private record SignIn(StaffUser user, long at) {
	}

}
