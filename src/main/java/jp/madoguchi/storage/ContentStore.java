package jp.madoguchi.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files named by the SHA-256 of their content ({@code files/ab/abcdef…}). A file is
 * staged in a temporary file, hashed while it is written, then moved into place
 * atomically; an existing file is never overwritten.
 */
@Component
public class ContentStore {

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private final Path root;

	private final Path staging;

	ContentStore(StorageProperties properties, @Value("${madoguchi.batch-job:false}") boolean batchJob) {
		this.root = properties.dataDir().resolve("files");
		this.staging = properties.dataDir().resolve("staging");
		try {
			Files.createDirectories(root);
			Files.createDirectories(staging);
			// A batch job's process starts beside the running service, whose uploads in
			// progress are staged here.
			if (!batchJob) {
				removeLeftoverStagedFiles();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create the data directory " + properties.dataDir(), e);
		}
	}

	/**
	 * A store on a data directory, for tools beside the service (a benchmark): nothing
	 * staged there is removed.
	 */
	public static ContentStore open(Path dataDir) {
		return new ContentStore(new StorageProperties(dataDir), true);
	}

	/**
	 * Staged files belong to requests of a previous run that can no longer finish; they
	 * were never stored.
	 */
	private void removeLeftoverStagedFiles() throws IOException {
		try (var leftovers = Files.list(staging)) {
			for (Path p : (Iterable<Path>) leftovers::iterator) {
				Files.deleteIfExists(p);
			}
		}
	}

	/**
	 * Copies the stream into a staged file and returns it with its hash; nothing is
	 * stored until {@link #keep}.
	 */
	public StagedFile stage(InputStream in) throws IOException {
		Path tmp = Files.createTempFile(staging, "upload-", ".part");
		MessageDigest sha = sha256();
		long size;
		try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
			size = in.transferTo(out);
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(tmp);
			throw e;
		}
		return new StagedFile(tmp, HexFormat.of().formatHex(sha.digest()), size);
	}

	/**
	 * Moves a staged file into the store under its hash; a file already stored under that
	 * hash stays as it is.
	 */
	public String keep(StagedFile staged) throws IOException {
		Path target = pathOf(staged.sha256());
		if (Files.exists(target)) {
			staged.discard();
			return staged.sha256();
		}
		Files.createDirectories(target.getParent());
		try {
			Files.move(staged.path(), target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException e) {
			staged.discard();
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(staged.path(), target);
		}
		target.toFile().setReadOnly();
		return staged.sha256();
	}

	/**
	 * Deletes a stored file (a disposal, once no record references it); nothing when it
	 * is not there.
	 */
	public void delete(String sha256) throws IOException {
		if (SHA256.matcher(sha256).matches()) {
			Files.deleteIfExists(pathOf(sha256));
		}
	}

	public Optional<Path> find(String sha256) {
		if (!SHA256.matcher(sha256).matches()) {
			return Optional.empty();
		}
		Path p = pathOf(sha256);
		return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
	}

	/**
	 * Re-hashes each file and tells whether its content still hashes to its name; the
	 * files are read by {@code threads} threads at once (hashing is the work: SHA-256
	 * runs at about a gigabyte a second a core).
	 */
	public Map<String, FileState> verify(Collection<String> sha256s, int threads) {
		List<String> names = List.copyOf(new LinkedHashSet<>(sha256s));
		Map<String, FileState> states = new ConcurrentHashMap<>();
		AtomicInteger next = new AtomicInteger();
		Runnable worker = () -> {
			byte[] buffer = new byte[1 << 16];
			for (int i = next.getAndIncrement(); i < names.size(); i = next.getAndIncrement()) {
				states.put(names.get(i), state(names.get(i), buffer));
			}
		};
		List<Thread> started = new ArrayList<>();
		for (int t = 1; t < Math.max(1, threads); t++) {
			started.add(Thread.ofPlatform().name("fixity-" + t).start(worker));
		}
		worker.run();
		for (Thread t : started) {
			try {
				t.join();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while checking files", e);
			}
		}
		return states;
	}

	private FileState state(String sha256, byte[] buffer) {
		if (!SHA256.matcher(sha256).matches()) {
			return FileState.MISSING;
		}
		MessageDigest digest = sha256();
		try (InputStream in = Files.newInputStream(pathOf(sha256))) {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				digest.update(buffer, 0, n);
			}
		}
		catch (NoSuchFileException e) {
			return FileState.MISSING;
		}
		catch (IOException e) {
			// Unreadable is as bad as altered: the content cannot be shown to be the
			// same.
			return FileState.ALTERED;
		}
		return HexFormat.of().formatHex(digest.digest()).equals(sha256) ? FileState.INTACT : FileState.ALTERED;
	}

	private Path pathOf(String sha256) {
		return root.resolve(sha256.substring(0, 2)).resolve(sha256);
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
