package jp.madoguchi.web;

import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.tenant.PasswordChangeFilter;
import jp.madoguchi.tenant.SignInThrottled;
import jp.madoguchi.tenant.WorkstationKeyFilter;
import jp.madoguchi.tenant.WorkstationKeys;

/**
 * Two filter chains. {@code /api/**}: stateless HTTP Basic, no session, so CSRF does not
 * apply; failures answer JSON. Everything else: form login with a session and CSRF
 * protection on every form. Both sign in through the tenant module's throttled sign-in
 * ({@link SignInRefusals} answers a throttled one with 429) and send the same
 * {@link SecurityHeaders}. Both only demand a sign-in (except for the public paths);
 * which role may call which endpoint is decided by the {@code @PreAuthorize} on each
 * module's controllers, and listed in the README's access table, which
 * {@code AccessTableTest} checks against every mapping.
 */
@Configuration
@EnableMethodSecurity
// A batch job's command line runs without a web server: no filter chains to build then.
@ConditionalOnWebApplication
class SecurityConfig {

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, WorkstationKeys workstationKeys, SignInRefusals refusals,
			PasswordChangeFilter passwordChange, Messages messages) throws Exception {
		http.securityMatcher("/api/**")
			// Who may call what is decided by each module's @PreAuthorize, not here.
			.authorizeHttpRequests(auth -> auth.requestMatchers("/api/openapi.json", "/api/openapi.json/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.addFilterBefore(new WorkstationKeyFilter(workstationKeys, messages), BasicAuthenticationFilter.class)
			.addFilterAfter(passwordChange, AnonymousAuthenticationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized(refusals, messages)))
			.exceptionHandling(e -> e.authenticationEntryPoint(unauthorized(refusals, messages))
				.accessDeniedHandler(forbidden(messages)))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.headers(SecurityHeaders::apply);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, WorkstationKeys workstationKeys, SignInRefusals refusals,
			PasswordChangeFilter passwordChange, Messages messages) throws Exception {
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error", "/actuator/health")
			.permitAll()
			.anyRequest()
			.authenticated())
			// A workstation key is refused on pages (403) rather than taken for no
			// sign-in.
			.addFilterBefore(new WorkstationKeyFilter(workstationKeys, messages),
					UsernamePasswordAuthenticationFilter.class)
			.formLogin(
					form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(refusals).permitAll())
			.addFilterAfter(passwordChange, AnonymousAuthenticationFilter.class)
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.headers(SecurityHeaders::apply);
		return http.build();
	}

	/**
	 * 401 for a missing or wrong sign-in; 429 with {@code Retry-After} for a throttled
	 * username.
	 */
	private static AuthenticationEntryPoint unauthorized(SignInRefusals refusals, Messages messages) {
		return (request, response, e) -> {
			if (e instanceof SignInThrottled throttled) {
				refusals.answerApi(response, throttled);
				return;
			}
			response.setHeader("WWW-Authenticate", "Basic realm=\"madoguchi\", charset=\"UTF-8\"");
			messages.write(response, new ClientError(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED"));
		};
	}

	private static AccessDeniedHandler forbidden(Messages messages) {
		return (request, response, e) -> messages.write(response, ClientError.forbidden());
	}

}
