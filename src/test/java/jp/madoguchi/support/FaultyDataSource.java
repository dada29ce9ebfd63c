package jp.madoguchi.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The service's real DataSource with failures injected on demand, the way a database
 * hiccup would show: the n-th execution of a statement whose SQL starts with a given text
 * throws an {@link SQLException}. Nothing in the service knows about it. Register it with
 * {@link #wrapping()} as a {@code static @Bean} of a test configuration.
 */
public final class FaultyDataSource extends DelegatingDataSource {

	private static final Set<String> EXECUTE = Set.of("execute", "executeUpdate", "executeLargeUpdate", "executeBatch",
			"executeLargeBatch", "executeQuery");

	private final Map<String, Fault> faults = new ConcurrentHashMap<>();

	FaultyDataSource(DataSource target) {
		super(target);
	}

	/** Wraps the application's DataSource bean. */
	public static BeanPostProcessor wrapping() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof DataSource ds && !(bean instanceof FaultyDataSource) ? new FaultyDataSource(ds)
						: bean;
			}
		};
	}

	/**
	 * The {@code n}-th execution (from now, counting from 1) of a statement whose SQL,
	 * with its spaces collapsed, starts with {@code sqlStart} fails; later ones pass.
	 */
	public void failOnce(String sqlStart, int n) {
		faults.put(normalize(sqlStart), new Fault(n));
	}

	/**
	 * The {@code n}-th execution of a statement whose SQL starts with {@code sqlStart}
	 * counts {@code reached} down and waits (at most a minute) for {@code release}, then
	 * runs: a request held mid-way.
	 */
	public void stallOnce(String sqlStart, int n, CountDownLatch reached, CountDownLatch release) {
		Fault fault = new Fault(n);
		fault.reached = reached;
		fault.release = release;
		faults.put(normalize(sqlStart), fault);
	}

	public void clear() {
		faults.clear();
	}

	/** Whether every armed fault has fired. */
	public boolean allFired() {
		return faults.values().stream().allMatch(f -> f.seen.get() >= f.n);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return connection(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return connection(super.getConnection(username, password));
	}

	private Connection connection(Connection real) {
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					Object result = invoke(real, method, args);
					if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement ps) {
						Fault fault = faultFor((String) args[0]);
						if (fault != null) {
							return statement(ps, fault);
						}
					}
					return result;
				});
	}

	private Fault faultFor(String sql) {
		String normalized = normalize(sql);
		for (Map.Entry<String, Fault> e : faults.entrySet()) {
			if (normalized.startsWith(e.getKey())) {
				return e.getValue();
			}
		}
		return null;
	}

	private PreparedStatement statement(PreparedStatement real, Fault fault) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (EXECUTE.contains(method.getName()) && fault.seen.incrementAndGet() == fault.n) {
				if (fault.release == null) {
					throw new SQLTransientConnectionException("injected failure", "08006");
				}
				fault.reached.countDown();
				fault.release.await(1, TimeUnit.MINUTES);
			}
			return invoke(real, method, args);
		};
		return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { PreparedStatement.class }, handler);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}

	private static String normalize(String sql) {
		return String.join(" ", List.of(sql.trim().split("\\s+")));
	}

	private static final class Fault {

		final int n;

		final AtomicInteger seen = new AtomicInteger();

		CountDownLatch reached;

		CountDownLatch release;

		Fault(int n) {
			this.n = n;
		}

	}

}
