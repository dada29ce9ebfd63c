package jp.madoguchi.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import jp.madoguchi.errors.ClientError;

/**
 * Workstation keys: the credential a counter PC's reader adapter ships its device log
 * with, instead of a person's password. A key is 256 random bits, shown once; only its
 * SHA-256 is stored (a random key needs no slow hash), so a database copy gives no key
 * away. Each key is bound to one workstation name and can be revoked.
 */
@Service
public class WorkstationKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	WorkstationKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Makes a key for a workstation of the user's municipality and returns it; it cannot
	 * be shown again.
	 */
	public IssuedKey issue(StaffUser user, String workstation) {
		if (workstation == null || workstation.isBlank()
				|| workstation.strip().length() > TenantLimits.WORKSTATION_MAX) {
			throw ClientError.badRequest("BAD_WORKSTATION", String.valueOf(TenantLimits.WORKSTATION_MAX))
				.field("workstation");
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String key = "mgk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		var generated = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO workstation_key (municipality_id, workstation, key_sha256, created_by, created_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(user.municipalityId(), workstation.strip(), sha256(key), user.getUsername(),
					OffsetDateTime.now(ZoneOffset.UTC))
			.update(generated, "id");
		long id = generated.getKey().longValue();
		return new IssuedKey(id, workstation.strip(), key);
	}

	public List<KeySummary> list(long municipalityId) {
		return jdbc.sql("""
				SELECT id, workstation, created_by, created_at, revoked_at FROM workstation_key
				WHERE municipality_id = ? ORDER BY id""")
			.param(municipalityId)
			.query((rs, n) -> new KeySummary(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)))
			.list();
	}

	/**
	 * @return false when the municipality has no such key
	 */
	public boolean revoke(long municipalityId, long id) {
		return jdbc
			.sql("""
					UPDATE workstation_key SET revoked_at = ? WHERE id = ? AND municipality_id = ? AND revoked_at IS NULL""")
			.params(OffsetDateTime.now(ZoneOffset.UTC), id, municipalityId)
			.update() > 0;
	}

	/** The workstation's sign-in for a valid, unrevoked key. */
	Optional<StaffUser> authenticate(String key) {
		return jdbc
			.sql("""
					SELECT k.workstation, m.id, m.name, k.id FROM workstation_key k JOIN municipality m ON m.id = k.municipality_id
					WHERE k.key_sha256 = ? AND k.revoked_at IS NULL""")
			.param(sha256(key))
			.query((rs, n) -> StaffUser.workstation(rs.getLong(2), rs.getString(3), rs.getString(1), rs.getLong(4)))
			.optional();
	}

	private static String sha256(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	public record IssuedKey(long id, String workstation, String key) {
	}

	public record KeySummary(long id, String workstation, String createdBy, OffsetDateTime createdAt,
			OffsetDateTime revokedAt) {
	}

}
