package jp.madoguchi.tenant;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;

/**
 * Signs a request in with its {@code X-Workstation-Key} header, for the API's filter
 * chain. A wrong or revoked key answers 401 at once rather than falling through to other
 * sign-ins.
 */
public class WorkstationKeyFilter extends OncePerRequestFilter {

	public static final String HEADER = "X-Workstation-Key";

	private final WorkstationKeys keys;

	private final Messages messages;

	public WorkstationKeyFilter(WorkstationKeys keys, Messages messages) {
		this.keys = keys;
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		if (key == null || key.isBlank()) {
			chain.doFilter(request, response);
			return;
		}
		var user = keys.authenticate(key.strip());
		if (user.isEmpty()) {
			this.messages.write(response, new ClientError(HttpStatus.UNAUTHORIZED, "WORKSTATION_KEY_INVALID"));
			return;
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
