package jp.madoguchi.web;

import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import jp.madoguchi.tenant.PasswordChangeFilter;
import jp.madoguchi.tenant.WorkstationKeyFilter;
import jp.madoguchi.tenant.WorkstationKeys;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Two filter chains. {@code /api/**}: stateless HTTP Basic, no session, so CSRF does not
 * apply; failures answer JSON. Everything else: form login with a session and CSRF
 * protection on every form.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, WorkstationKeys workstationKeys, PasswordChangeFilter passwordChange)
			throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> auth.requestMatchers("/api/openapi.json", "/api/openapi.json/**")
				.permitAll()
				.requestMatchers("/api/rosters/**")
				.hasRole("CLERK")
				// A counter PC's workstation key ships its device log and does nothing
				// else.
				.requestMatchers(HttpMethod.POST, "/api/device-events")
				.hasAnyRole("OPERATOR", "WORKSTATION")
				.requestMatchers("/api/device-events/**", "/api/device-log-findings/**")
				.hasRole("OPERATOR")
				.requestMatchers("/api/workstation-keys/**")
				.hasAnyRole("ADMIN", "OPERATOR")
				.requestMatchers("/api/cases/**")
				.hasAnyRole("CLERK", "OPERATOR")
				// Checking, installing and activating a municipality's own template
				// versions.
				.requestMatchers("/api/templates/*/check", "/api/templates/*/versions", "/api/templates/*/versions/**",
						"/api/templates/*/default/**")
				.hasRole("ADMIN")
				.requestMatchers(HttpMethod.POST, "/api/templates/*/preview.pdf")
				.hasRole("ADMIN")
				.anyRequest()
				.hasAnyRole("CLERK", "RECORDS_OFFICER", "OPERATOR", "ADMIN"))
			.addFilterBefore(new WorkstationKeyFilter(workstationKeys), BasicAuthenticationFilter.class)
			.addFilterAfter(passwordChange, AnonymousAuthenticationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized()))
			.exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, PasswordChangeFilter passwordChange) throws Exception {
		http.authorizeHttpRequests(
				auth -> auth.requestMatchers("/login", "/css/**", "/favicon.ico", "/error", "/actuator/health")
					.permitAll()
					.requestMatchers("/rosters/**")
					.hasRole("CLERK")
					.requestMatchers("/cases/**")
					.hasAnyRole("CLERK", "OPERATOR")
					.requestMatchers("/admin/templates/**")
					.hasRole("ADMIN")
					.anyRequest()
					.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.addFilterAfter(passwordChange, AnonymousAuthenticationFilter.class)
			.headers(Customizer.withDefaults());
		return http.build();
	}

	private static AuthenticationEntryPoint unauthorized() {
		return (request, response, e) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"madoguchi\", charset=\"UTF-8\"");
			writeJson(response, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "ユーザー名またはパスワードが正しくありません。");
		};
	}

	private static AccessDeniedHandler forbidden() {
		return (request, response, e) -> writeJson(response, HttpStatus.FORBIDDEN, "FORBIDDEN", "この操作を行う権限がありません。");
	}

	private static void writeJson(HttpServletResponse response, HttpStatus status, String code, String message)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
	}

}
