package jp.madoguchi.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The security headers of every answer, pages and API alike: a Content-Security-Policy
 * that allows scripts, styles and images from this service only (no inline script or
 * style anywhere: the pages' JavaScript lives in {@code static/js}), no framing
 * ({@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY}),
 * {@code X-Content-Type-Options: nosniff}, no Referer sent anywhere, and no camera,
 * microphone, geolocation, payment or USB for any page. Spring Security's defaults stay
 * (no caching of signed-in answers; HSTS on HTTPS).
 * <p>
 * A PDF answer gets only {@code frame-ancestors 'none'}: Chromium shows an inline PDF
 * (the form previews) in a viewer that the page's CSP would block ({@code object-src} and
 * inline styles of the viewer, crbug.com/271452), and a PDF runs no script of ours.
 */
final class SecurityHeaders {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	static final String PDF_CONTENT_SECURITY_POLICY = "frame-ancestors 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	private static final String CSP = "Content-Security-Policy";

	private SecurityHeaders() {
	}

	static void apply(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentTypeOptions(Customizer.withDefaults())
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
			.addHeaderWriter(SecurityHeaders::contentSecurityPolicy);
	}

	/**
	 * Written when the answer is committed (Spring Security's default), so its content
	 * type is known.
	 */
	private static void contentSecurityPolicy(HttpServletRequest request, HttpServletResponse response) {
		if (response.containsHeader(CSP)) {
			return;
		}
		String type = response.getContentType();
		boolean pdf = type != null && type.startsWith(MediaType.APPLICATION_PDF_VALUE);
		response.setHeader(CSP, pdf ? PDF_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
	}

}
