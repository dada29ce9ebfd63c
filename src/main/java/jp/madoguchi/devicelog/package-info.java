/**
 * Device logs: the events the reader adapter on a counter PC records for each card (PIN
 * states, lock, the 「顔認証」 annotation), shipped to the service. Each request's hash chain
 * is verified with the adapter's own {@code ChainVerifier}; every event is stored once; a
 * broken chain is refused and kept as a finding for the nightly reconciliation.
 */
package jp.madoguchi.devicelog;
