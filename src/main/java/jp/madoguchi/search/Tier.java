package jp.madoguchi.search;

/**
 * How a hit matched the query, best first: the exact glyphs, a variant glyph (渡辺 for 渡邉),
 * the registered reading or romaji, part of the name, a confusable but different
 * character (「似た表記」).
 */
public enum Tier {

	EXACT, VARIANT, READING, PARTIAL, SIMILAR

}
