package jp.madoguchi.runtime;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * A bean of the serving process only: absent in a batch job's process
 * ({@code madoguchi.batch-job=true}, set by every script in batch-jobs/). A job runs
 * beside the running service on the same database and data directory, so it must not take
 * over the service's duties: open the search index (Lucene's write lock) or feed it, pick
 * up scans from the inbox, sweep pending uploads, or remove the imports the service has
 * in progress.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnBooleanProperty(name = "madoguchi.batch-job", havingValue = false, matchIfMissing = true)
public @interface ServingProcessOnly {

}
