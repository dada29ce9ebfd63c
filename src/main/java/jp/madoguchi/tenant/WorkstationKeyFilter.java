package jp.madoguchi.tenant;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a request in with its {@code X-Workstation-Key} header, for the API's filter
 * chain. A wrong or revoked key answers 401 at once rather than falling through to other
 * sign-ins.
 */
public class WorkstationKeyFilter extends OncePerRequestFilter {

	public static final String HEADER = "X-Workstation-Key";

	private final WorkstationKeys keys;

	public WorkstationKeyFilter(WorkstationKeys keys) {
		this.keys = keys;
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
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setContentType("application/json;charset=UTF-8");
			response.getWriter().write("{\"code\":\"UNAUTHORIZED\",\"message\":\"端末の鍵が正しくないか、無効にされています。\"}");
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
