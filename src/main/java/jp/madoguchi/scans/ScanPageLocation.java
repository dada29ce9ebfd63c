package jp.madoguchi.scans;

/**
 * Where a scan page ({@code scan_page} id, as projections such as the search index hold
 * it) is: its scan and its page number in that scan (from 1).
 */
public record ScanPageLocation(long pageId, long scanId, int page) {
}
