package jp.madoguchi.scans;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.tenant.LocalGovernmentCode;
import jp.madoguchi.tenant.Municipality;
import jp.madoguchi.tenant.Tenants;

import jp.madoguchi.runtime.ServingProcessOnly;

/**
 * The scanner's folder: {@code <inbox>/<6-digit local government code>/file.pdf}. A file
 * is taken once its size and time stayed the same for one poll (a copy in progress is
 * never read, as Paperless-ngx does), and moved to {@code processed/} or {@code failed/}
 * (with a Japanese {@code .txt} saying why) only after its content is stored. Also
 * processes, at start-up, any scan a crash left half-done.
 */
@ServingProcessOnly
@Component
class ScanInbox {

	private static final Logger log = LoggerFactory.getLogger(ScanInbox.class);

	static final String INBOX_USER = "inbox";

	private final ScanService scans;

	private final ScanProperties properties;

	private final Tenants tenants;

	private final Messages messages;

	/** Size and modification time of each file at the last poll. */
	private final Map<Path, String> seen = new HashMap<>();

	private ScheduledExecutorService timer;

	ScanInbox(ScanService scans, ScanProperties properties, Tenants tenants, Messages messages) {
		this.scans = scans;
		this.properties = properties;
		this.tenants = tenants;
		this.messages = messages;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "scan-inbox");
			thread.setDaemon(true);
			return thread;
		});
		timer.execute(scans::resumeUnfinished);
		if (properties.inbox() != null) {
			long every = Math.max(100, properties.inboxPoll().toMillis());
			timer.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
		}
	}

	@PreDestroy
	void stop() {
		if (timer != null) {
			timer.shutdownNow();
		}
	}

	private void pollSafely() {
		try {
			poll();
		}
		catch (IOException | RuntimeException e) {
			log.warn("Scan inbox poll failed: {}", e.toString());
		}
	}

	/**
	 * One look at the inbox: takes every file that did not change since the last look.
	 */
	synchronized void poll() throws IOException {
		Path inbox = properties.inbox();
		if (!Files.isDirectory(inbox)) {
			return;
		}
		Map<Path, String> now = new HashMap<>();
		try (DirectoryStream<Path> folders = Files.newDirectoryStream(inbox, Files::isDirectory)) {
			for (Path folder : folders) {
				Optional<Municipality> municipality = municipality(folder.getFileName().toString());
				if (municipality.isEmpty()) {
					continue;
				}
				try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, Files::isRegularFile)) {
					for (Path file : files) {
						if (file.getFileName().toString().startsWith(".")) {
							continue;
						}
						String state = Files.size(file) + "/" + Files.getLastModifiedTime(file).toMillis();
						now.put(file, state);
						if (state.equals(seen.get(file))) {
							take(municipality.get(), folder, file);
							now.remove(file);
						}
					}
				}
			}
		}
		seen.clear();
		seen.putAll(now);
	}

	private Optional<Municipality> municipality(String folderName) {
		if (!LocalGovernmentCode.isValid(folderName)) {
			return Optional.empty();
		}
		return tenants.findMunicipality(new LocalGovernmentCode(folderName));
	}

	private void take(Municipality municipality, Path folder, Path file) throws IOException {
		String name = file.getFileName().toString();
		ScanService.Intake intake = new ScanService.Intake(municipality.id(), INBOX_USER, name, "INBOX");
		try (InputStream in = Files.newInputStream(file)) {
			scans.take(intake, in);
			move(file, folder.resolve("processed"));
		}
		catch (ClientError refused) {
			Path failed = move(file, folder.resolve("failed"));
			Files.writeString(failed.resolveSibling(failed.getFileName() + ".txt"),
					messages.text(refused.code(), refused.args()) + System.lineSeparator(), StandardCharsets.UTF_8);
		}
	}

	private static Path move(Path file, Path folder) throws IOException {
		Files.createDirectories(folder);
		Path target = folder.resolve(file.getFileName());
		for (int n = 2; Files.exists(target); n++) {
			target = folder.resolve(n + "-" + file.getFileName());
		}
		return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
	}

}
