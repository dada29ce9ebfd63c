package jp.madoguchi.reader.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The append-only device log: one JSON Lines file per workstation and day, each line a
 * link of a hash chain (see {@link ChainVerifier}). Every append takes an exclusive file
 * lock (a {@code watch} and a {@code read} may run at the same time), repairs a torn tail
 * left by a crash, writes the whole line in one write and fsyncs.
 */
public final class DailyEventLog {

	public static final String SUFFIX = ".jsonl";

	/** Where a torn tail is kept as evidence instead of being thrown away. */
	public static final String TORN_SUFFIX = ".torn";

	private final Path directory;

	private final String workstation;

	public DailyEventLog(Path directory, String workstation) {
		this.directory = directory;
		this.workstation = workstation;
	}

	public Path directory() {
		return directory;
	}

	/**
	 * File of one workstation-day: {@code <workstation>_<yyyy-MM-dd>.jsonl}. Characters
	 * outside [A-Za-z0-9._-] are replaced and, so that "窓口1" and "受付1" do not share a
	 * file, a short hash of the real name is added.
	 */
	public Path fileFor(LocalDate day) {
		return directory.resolve(safeName(workstation) + "_" + day + SUFFIX);
	}

	static String safeName(String name) {
		StringBuilder safeName = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == '-';
			safeName.append(allowed ? c : '_');
		}
		String safe = safeName.toString();
		if (safe.equals(name) && !safe.isEmpty()) {
			return safe;
		}
		return safe + "-" + ChainVerifier.hash("", name).substring(0, 8);
	}

	/**
	 * What an append did: the line written and, if a crash had left a torn tail, how many
	 * bytes were moved away.
	 */
	public record Appended(Path file, String line, int tornBytesRemoved) {
	}

	/**
	 * Appends one event. {@code openObject} is the event's JSON object without closing
	 * brace and without the chain members; this method adds prevHash and hash.
	 */
	public Appended append(LocalDate day, String openObject) throws IOException {
		Files.createDirectories(directory);
		Path file = fileFor(day);
		boolean created = !Files.exists(file);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
			int tornBytes = repairTornTail(file, channel);
			String line = ChainVerifier.seal(openObject, lastHash(channel));
			ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
			long position = channel.size();
			while (bytes.hasRemaining()) {
				position += channel.write(bytes, position);
			}
			// force(true): the file length is metadata, and a line is only evidence once
			// its length is on disk.
			channel.force(true);
			if (created) {
				syncDirectory();
			}
			return new Appended(file, line, tornBytes);
		}
	}

	/**
	 * Checks the tail of a file for a torn last line and repairs it, returning the bytes
	 * removed (0 if none).
	 */
	public int repair(LocalDate day) throws IOException {
		Path file = fileFor(day);
		if (!Files.exists(file)) {
			return 0;
		}
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
				FileLock ignored = channel.lock()) {
			return repairTornTail(file, channel);
		}
	}

	/**
	 * All log files in the directory, oldest day first (file names sort by date for one
	 * workstation).
	 */
	public List<Path> files() throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
		}
	}

	/**
	 * Lines of a log file, without a torn tail (an unterminated last segment is not a
	 * line yet).
	 */
	public static List<String> completeLines(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		List<String> lines = new ArrayList<>(ChainVerifier.splitLines(text));
		if (!text.isEmpty() && !text.endsWith("\n")) {
			lines.remove(lines.size() - 1);
		}
		return lines;
	}

	/**
	 * A crash between write and fsync can leave a last line without its newline. Such a
	 * segment cannot be a trusted link, so it is cut off (earlier lines are untouched)
	 * and saved next to the file for inspection.
	 */
	private static int repairTornTail(Path file, FileChannel channel) throws IOException {
		long size = channel.size();
		if (size == 0 || lastByte(channel, size) == '\n') {
			return 0;
		}
		long keep = lastNewlineEnd(channel, size);
		int tornLength = (int) (size - keep);
		ByteBuffer torn = ByteBuffer.allocate(tornLength);
		channel.read(torn, keep);
		torn.flip();
		Path evidence = file.resolveSibling(file.getFileName() + TORN_SUFFIX);
		try (FileChannel out = FileChannel.open(evidence, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND)) {
			out.write(torn);
			out.write(ByteBuffer.wrap("\n".getBytes(StandardCharsets.UTF_8)));
			out.force(true);
		}
		channel.truncate(keep);
		channel.force(true);
		return tornLength;
	}

	private static byte lastByte(FileChannel channel, long size) throws IOException {
		ByteBuffer one = ByteBuffer.allocate(1);
		channel.read(one, size - 1);
		return one.get(0);
	}

	/** Offset just after the last '\n' (0 if the file has none). */
	private static long lastNewlineEnd(FileChannel channel, long size) throws IOException {
		long end = size;
		ByteBuffer block = ByteBuffer.allocate(8192);
		while (end > 0) {
			long start = Math.max(0, end - block.capacity());
			block.clear().limit((int) (end - start));
			channel.read(block, start);
			for (int i = block.position() - 1; i >= 0; i--) {
				if (block.get(i) == '\n') {
					return start + i + 1;
				}
			}
			end = start;
		}
		return 0;
	}

	/**
	 * Hash of the last complete line, the prevHash of the next line; GENESIS for an empty
	 * file.
	 */
	private static String lastHash(FileChannel channel) throws IOException {
		long size = channel.size();
		if (size == 0) {
			return ChainVerifier.GENESIS;
		}
		long start = lastNewlineEnd(channel, size - 1);
		ByteBuffer line = ByteBuffer.allocate((int) (size - 1 - start));
		channel.read(line, start);
		String text = new String(line.array(), StandardCharsets.UTF_8);
		String hash = ChainVerifier.hashOf(text);
		// A hand-edited, malformed last line has no readable hash. Keep logging (the
		// counter must not stop) and
		// bind the new line to that line's exact text; the verifier reports the damaged
		// line itself.
		return hash != null ? hash : ChainVerifier.hash(ChainVerifier.GENESIS, text);
	}

	private void syncDirectory() {
		// Makes the new file's directory entry durable on Linux; not possible on Windows,
		// where it is not needed.
		try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
			dir.force(true);
		}
		catch (IOException | UnsupportedOperationException e) {
			// best effort only
		}
	}

}
