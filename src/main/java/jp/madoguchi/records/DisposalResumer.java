package jp.madoguchi.records;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jp.madoguchi.runtime.ServingProcessOnly;

/**
 * Finishes, at start, the disposals cut off while being carried out (the service was
 * stopped or killed): each goes on from its last committed chunk, and the files of the
 * chunks committed before are deleted again.
 */
@ServingProcessOnly
@Component
class DisposalResumer {

	private static final Logger log = LoggerFactory.getLogger(DisposalResumer.class);

	private final Disposals disposals;

	DisposalResumer(Disposals disposals) {
		this.disposals = disposals;
	}

	@EventListener(ApplicationReadyEvent.class)
	void resume() {
		for (Map.Entry<Long, Long> d : disposals.unfinished()) {
			log.info("Finishing disposal {} cut off before", d.getValue());
			disposals.carryOut(d.getKey(), d.getValue(), true);
		}
	}

}
