package jp.madoguchi.tenant;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;

/**
 * A user with a temporary password may only change it. Registered in both security filter
 * chains after authentication (web/SecurityConfig):
 * <ul>
 * <li>{@code /api/**}: every call but {@code POST /api/me/password} answers 403
 * {@code PASSWORD_CHANGE_REQUIRED}. The flag comes with the sign-in, which is read afresh
 * after every change of the user (the remembered sign-ins are forgotten).</li>
 * <li>pages: the session's user is compared with the database on each page request (one
 * indexed query): a deactivated user's session ends; changed roles or the cleared flag
 * replace the session's user; while the flag is set every page but the password change
 * and sign-out redirects to {@value #PASSWORD_PAGE}.</li>
 * </ul>
 */
@Component
public class PasswordChangeFilter extends OncePerRequestFilter {

	public static final String PASSWORD_PAGE = "/password";

	private final Tenants tenants;

	private final Messages messages;

	private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	PasswordChangeFilter(Tenants tenants, Messages messages) {
		this.tenants = tenants;
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof StaffUser user) || user.boundWorkstation().isPresent()) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/")) {
			if (user.mustChangePassword() && !("POST".equals(request.getMethod()) && path.equals("/api/me/password"))) {
				this.messages.write(response, new ClientError(HttpStatus.FORBIDDEN, "PASSWORD_CHANGE_REQUIRED"));
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		if (path.startsWith("/css/") || path.startsWith("/js/") || path.equals("/favicon.ico")) {
			chain.doFilter(request, response);
			return;
		}
		Optional<StaffUser> current = current(user.getUsername());
		if (current.isEmpty() || !current.get().isEnabled()) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			response.sendRedirect(request.getContextPath() + "/login");
			return;
		}
		StaffUser fresh = current.get();
		if (fresh.mustChangePassword() != user.mustChangePassword() || !fresh.roles().equals(user.roles())
				|| !fresh.displayName().equals(user.displayName())) {
			fresh.eraseCredentials();
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
			SecurityContextHolder.setContext(context);
			sessions.saveContext(context, request, response);
		}
		if (fresh.mustChangePassword() && !path.equals(PASSWORD_PAGE) && !path.equals("/logout")
				&& !path.equals("/error")) {
			response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
			return;
		}
		chain.doFilter(request, response);
	}

	private Optional<StaffUser> current(String username) {
		try {
			return Optional.of((StaffUser) tenants.loadUserByUsername(username));
		}
		catch (UsernameNotFoundException e) {
			return Optional.empty();
		}
	}

	/**
	 * Runs only inside the security filter chains, not a second time as a servlet filter
	 * of its own.
	 */
	@Configuration
	static class NotAServletFilter {

		@Bean
		FilterRegistrationBean<PasswordChangeFilter> passwordChangeFilterRegistration(PasswordChangeFilter filter) {
			FilterRegistrationBean<PasswordChangeFilter> registration = new FilterRegistrationBean<>(filter);
			registration.setEnabled(false);
			return registration;
		}

	}

}
