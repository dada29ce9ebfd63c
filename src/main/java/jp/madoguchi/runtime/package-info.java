/**
 * What kind of process this is: the serving service, or a batch job's process
 * (batch-jobs/) on the same database and data directory. An open module with no
 * dependency on other modules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.madoguchi.runtime;
