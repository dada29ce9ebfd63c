package jp.madoguchi.reader.card;

/**
 * What identifies a card in the log without the individual number: SHA-256 of the
 * user-authentication certificate (lowercase hex), its serial number (uppercase hex) and
 * expiry (ISO-8601 UTC), and a salted hash of the common AP's card serial (null when the
 * card does not give it out without a PIN).
 */
public record CardIdentity(String fingerprint, String certSerial, String notAfter, String cardSerialHash) {
}
