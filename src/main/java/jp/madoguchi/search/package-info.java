/**
 * Records search: every case and every generated document of a municipality, found by
 * name (variant kanji folded), registered reading, romaji or birth date in 和暦 or 西暦. The
 * Lucene index under the data directory is a projection of the database, kept up to date
 * from the {@link jp.madoguchi.changes change log}; losing it loses nothing (a rebuild
 * replays everything).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package jp.madoguchi.search;
