package jp.madoguchi.devicelog;

/**
 * The answer to one shipped chunk: how many events were new, how many the service already
 * had, and how many of the new ones name a case the municipality does not have (stored
 * and kept as {@code UNKNOWN_CASE} findings).
 */
public record ShipResult(int accepted, int duplicates, int unknownCases) {
}
