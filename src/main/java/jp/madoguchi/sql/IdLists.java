package jp.madoguchi.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * IN lists of numeric ids for bulk reads, a slice of at most 1,000 ids per query. The ids
 * are written into the SQL as number literals, not parameters: the embedded H2 checks an
 * IN list of parameters against each row by comparing it with every value in turn (1,000
 * comparisons a row), while a list of constants becomes a hash set. Literals of Java
 * {@code long}s cannot carry anything but digits, so nothing a user typed reaches the SQL
 * text.
 */
public final class IdLists {

	/** The most ids in one query. */
	public static final int SLICE = 1000;

	private IdLists() {
	}

	/** The distinct ids, in order, in slices of at most {@link #SLICE}. */
	public static List<List<Long>> slices(Collection<Long> ids) {
		List<Long> sorted = new ArrayList<>(new TreeSet<>(ids));
		List<List<Long>> slices = new ArrayList<>();
		for (int from = 0; from < sorted.size(); from += SLICE) {
			slices.add(sorted.subList(from, Math.min(sorted.size(), from + SLICE)));
		}
		return slices;
	}

	/** {@code 1, 2, 3}: the ids as number literals, for {@code IN (…)}. */
	public static String numbers(List<Long> ids) {
		StringJoiner list = new StringJoiner(", ");
		ids.forEach(id -> list.add(Long.toString(id)));
		return list.toString();
	}

	/**
	 * {@code '1', '2', '3'}: the ids as string literals of their decimal digits, for a
	 * text column that holds ids (a device event's case reference).
	 */
	public static String decimalStrings(List<Long> ids) {
		StringJoiner list = new StringJoiner(", ");
		ids.forEach(id -> list.add("'" + id + "'"));
		return list.toString();
	}

	/**
	 * {@code 'A1', 'roster-file'}: codes of letters, digits and hyphens (document ids,
	 * record types) as string literals; anything else is refused rather than quoted.
	 */
	public static String codes(List<String> ids) {
		StringJoiner list = new StringJoiner(", ");
		for (String id : ids) {
			if (!id.matches("[0-9A-Za-z-]{1,40}")) {
				throw new IllegalArgumentException("not a code");
			}
			list.add("'" + id + "'");
		}
		return list.toString();
	}

}
