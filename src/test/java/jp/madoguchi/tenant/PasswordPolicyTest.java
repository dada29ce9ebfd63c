package jp.madoguchi.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The password policy's rules, one reason each; temporary passwords always pass. */
class PasswordPolicyTest {

	private static final PasswordPolicy POLICY = new PasswordPolicy();

	@ParameterizedTest
	@CsvSource({ "short-pw-7, WEAK_PASSWORD_TOO_SHORT", "Yamada.Taro!2026xyz, WEAK_PASSWORD_USERNAME",
			"yamada.taro, WEAK_PASSWORD_TOO_SHORT", "password1234, WEAK_PASSWORD_COMMON",
			"Password1234!, WEAK_PASSWORD_COMMON", "qwertyuiopas, WEAK_PASSWORD_COMMON",
			"monkey123456, WEAK_PASSWORD_COMMON", "aaaaaaaaaaaaaaaa, WEAK_PASSWORD_PREDICTABLE",
			"abcdefghijklmnop, WEAK_PASSWORD_PREDICTABLE", "abcdabcdabcdabcd, WEAK_PASSWORD_PREDICTABLE",
			"correcthorsebattery, WEAK_PASSWORD_PREDICTABLE" })
	void refusesWithTheRuleThatFailed(String password, String reason) {
		assertThat(POLICY.weakness("yamada.taro", password)).hasValue(reason);
	}

	@Test
	void refusesWhatBcryptWouldCutOff() {
		assertThat(POLICY.weakness("yamada.taro", "あ".repeat(25))).hasValue("WEAK_PASSWORD_TOO_LONG");
	}

	@ParameterizedTest
	@ValueSource(strings = { "sakura-mizu-yama", "kumo-hashi-tsuki-58", "Chiyoda-Kawa-Sora-2026", "zq8#Lm2@wq1p",
			"やまかわそらうみ-2026" })
	void acceptsPassphrasesAndRandomPasswords(String password) {
		assertThat(POLICY.weakness("yamada.taro", password)).isEmpty();
	}

	@Test
	void temporaryPasswordsAreReadableRandomAndPass() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			String temporary = POLICY.temporaryPassword("abcd");
			assertThat(temporary).matches("[a-km-np-z2-9]{4}(-[a-km-np-z2-9]{4}){3}");
			assertThat(POLICY.weakness("abcd", temporary)).isEmpty();
			seen.add(temporary);
		}
		assertThat(seen).hasSize(200);
	}

}
