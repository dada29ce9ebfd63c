package jp.madoguchi.devicelog;

/**
 * The answer to one shipped chunk: how many events were new, how many the service already
 * had.
 */
public record ShipResult(int accepted, int duplicates) {
}
