package jp.madoguchi.reader.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CertificateFieldsTest {

	@ParameterizedTest
	@ValueSource(strings = { "card-a", "card-b" })
	void agreesWithTheJdksCertificateParser(String name) throws Exception {
		byte[] der;
		try (InputStream in = getClass().getResourceAsStream("/emulator/" + name + "-auth-cert.der")) {
			der = in.readAllBytes();
		}
		X509Certificate jdk = (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(der));
		CertificateFields ours = CertificateFields.parse(der);
		assertEquals(jdk.getSerialNumber().toString(16).toUpperCase(), ours.serialHex);
		assertEquals(jdk.getNotAfter().toInstant().toString(), ours.notAfter);
	}

	@Test
	void truncatedOrForeignBytesGiveNull() throws Exception {
		byte[] der;
		try (InputStream in = getClass().getResourceAsStream("/emulator/card-a-auth-cert.der")) {
			der = in.readAllBytes();
		}
		assertNull(CertificateFields.parse(Arrays.copyOf(der, 40)));
		assertNull(CertificateFields.parse(new byte[] { 0x04, 0x02, 0x01, 0x02 }));
	}

}
